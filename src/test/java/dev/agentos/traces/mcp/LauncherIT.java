package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/agentos-traces-mcp}, as installed (bin/ and lib/ side by side): it makes its class-data archive on
 * first use, in the background, and later launches load our classes from it; a rebuilt jar makes it remake the
 * archive; the JDK is found from JAVA_HOME or from a {@code java} on PATH, and both ways share one archive.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {

    @TempDir
    Path dir;
    Path launcher;
    Path jar;
    Path cache;
    String javaHome;

    @BeforeEach
    void install() throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("lib"));
        launcher = Files.copy(Path.of("bin/agentos-traces-mcp"), dir.resolve("bin/agentos-traces-mcp"));
        assertTrue(launcher.toFile().setExecutable(true));
        jar = Files.copy(Path.of(JavaProcess.jar()), dir.resolve("lib/agentos-traces-mcp.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        cache = dir.resolve("cache");
        javaHome = Path.of(System.getProperty("java.home")).toRealPath().toString();
    }

    @Test
    void makesItsArchiveOnceThenStartsFromIt() throws Exception {
        Run first = run(Map.of("JAVA_HOME", javaHome), "--version");
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.startsWith("agentos-traces-mcp "), first.out);
        Path archive = awaitArchive();
        assertTrue(archive.getFileName().toString().matches(".*\\.cli\\.(jsa|aot)"), "the CLI's archive: " + archive);
        assertTrue(Files.exists(Path.of(archive + ".jar")) && Files.exists(Path.of(archive + ".jdk")), "stamps beside " + archive);

        assertTrue(mainFromArchive(Map.of("JAVA_HOME", javaHome)), "the second launch starts from the archive");
        // no JAVA_HOME: the java on PATH (a symlink here, as /usr/bin/java usually is) leads to the same JDK and archive
        Path pathBin = Files.createDirectories(dir.resolve("pathbin"));
        Files.createSymbolicLink(pathBin.resolve("java"), Path.of(javaHome, "bin", "java"));
        assertTrue(mainFromArchive(Map.of("PATH", pathBin + ":/usr/bin:/bin")), "found through PATH, same archive");
        try (Stream<Path> files = Files.walk(cache)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).count(),
                    "one archive per JDK and jar");
        }
    }

    @Test
    void theServerHasItsOwnArchiveTrainedOnAnMcpSession() throws Exception {
        Run first = run(Map.of("JAVA_HOME", javaHome), "serve"); // stdin is empty: the server ends at once
        assertEquals(0, first.code, first.err);
        Path archive = awaitArchive();
        assertTrue(archive.getFileName().toString().matches(".*\\.serve\\.(jsa|aot)"), "the server's archive: " + archive);
        Path log = dir.resolve("classes.log");
        Run second = run(Map.of("JAVA_HOME", javaHome, "JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "serve");
        assertEquals(0, second.code, second.err);
        List<String> loaded = Files.readAllLines(log);
        for (String cls : List.of("dev.agentos.traces.cli.Main", "io.modelcontextprotocol.server.McpAsyncServer")) {
            assertTrue(loaded.stream().anyMatch(l -> l.contains(" " + cls + " ") && l.contains("shared objects file")),
                    cls + " comes from the server's archive");
        }
        assertEquals("", second.out, "nothing but JSON-RPC on stdout, even with an archive");
        // a CLI command next makes a second archive, and leaves the server's alone
        run(Map.of("JAVA_HOME", javaHome), "--version");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && archives().size() < 2) {
            Thread.sleep(200);
        }
        assertEquals(2, archives().size(), "one archive per face: " + archives());
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).toList();
        }
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        run(Map.of("JAVA_HOME", javaHome), "--version");
        Path archive = awaitArchive();
        FileTime made = Files.getLastModifiedTime(archive);
        // "rebuild" the jar: same bytes, a new modification time; the old archive no longer matches it
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Run stale = run(Map.of("JAVA_HOME", javaHome), "--version");
        assertEquals(0, stale.code, "a stale archive is never a failure: " + stale.err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && (Files.getLastModifiedTime(Path.of(archive + ".jar")).toMillis()
                != Files.getLastModifiedTime(jar).toMillis() || Files.exists(Path.of(archive + ".lock")))) {
            Thread.sleep(200);
        }
        assertEquals(Files.getLastModifiedTime(jar), Files.getLastModifiedTime(Path.of(archive + ".jar")), "remade for the new jar");
        assertFalse(Files.getLastModifiedTime(archive).compareTo(made) < 0);
        assertTrue(mainFromArchive(Map.of("JAVA_HOME", javaHome)), "and used");
    }

    @Test
    void archiveOffMeansNoCacheAtAll() throws Exception {
        Run r = run(Map.of("JAVA_HOME", javaHome, "AGENTOS_TRACES_MCP_CDS", "0"), "--version");
        assertEquals(0, r.code, r.err);
        Thread.sleep(500);
        assertFalse(Files.exists(cache), "AGENTOS_TRACES_MCP_CDS=0 writes nothing");
    }

    @Test
    void runsFromARelativePath() throws Exception {
        Run r = run(dir, Map.of("JAVA_HOME", javaHome, "AGENTOS_TRACES_MCP_CDS", "0"), "bin/agentos-traces-mcp", "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("agentos-traces-mcp "), r.out);
    }

    @Test
    void runsThroughASymlinkOnPath() throws Exception {
        // README's install: ln -s "$PWD/bin/agentos-traces-mcp" ~/.local/bin/ (a relative link, and a link to a link)
        Path onPath = Files.createDirectories(dir.resolve("home/.local/bin"));
        Files.createSymbolicLink(onPath.resolve("agentos-traces-mcp"), onPath.relativize(launcher));
        Files.createSymbolicLink(onPath.resolve("traces"), Path.of("agentos-traces-mcp"));
        for (String name : List.of("agentos-traces-mcp", "traces")) {
            Run r = run(dir, Map.of("JAVA_HOME", javaHome, "AGENTOS_TRACES_MCP_CDS", "0"), onPath.resolve(name).toString(),
                    "--version");
            assertEquals(0, r.code, name + ": " + r.err);
            assertTrue(r.out.startsWith("agentos-traces-mcp "), r.out);
        }
    }

    /** Launches with class-loading logged and says whether our entry point came from the class-data archive. */
    private boolean mainFromArchive(Map<String, String> env) throws Exception {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("JAVA_OPTS", "-Xlog:class+load=info:stdout");
        Run r = run(e, "--version");
        assertEquals(0, r.code, r.err);
        Optional<String> line = r.out.lines().filter(l -> l.contains(" dev.agentos.traces.cli.Main ")).findFirst();
        assertTrue(line.isPresent(), r.out);
        return line.get().contains("shared objects file");
    }

    private Path awaitArchive() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cache)) {
                try (Stream<Path> files = Files.walk(cache)) {
                    List<Path> found = files.toList();
                    Optional<Path> archive = found.stream()
                            .filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).findFirst();
                    boolean locked = found.stream().anyMatch(p -> p.toString().endsWith(".lock"));
                    if (archive.isPresent() && !locked) {
                        return archive.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no archive under " + cache + " after 90 s");
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = launcher.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return run(dir, env, cmd);
    }

    private Run run(Path cwd, Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("AGENTOS_TRACES_MCP_JAR");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher returned");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
