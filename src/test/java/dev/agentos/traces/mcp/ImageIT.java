package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.AgnoDb;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download that needs no JDK (built by {@code ./mvnw package -Pimage}: packaging/build-image.sh), as a new user
 * gets it: the archive unpacked into an empty folder and run under {@code env -i}, so with no JAVA_HOME and no java
 * on PATH; and the Claude Desktop bundle started exactly as its manifest says. Without the image these tests are
 * skipped, unless the profile says it must be there ({@code image.required}), as in CI.
 */
@DisabledOnOs(OS.WINDOWS)
class ImageIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long MB = 1_000_000;

    @TempDir
    static Path dir;
    static Path top; // the unpacked tar.gz: bin/, lib/, runtime/
    static Path home; // the user's empty home
    static Path emptyPath; // the only folder on PATH: no java, no anything
    static WireMockServer agentOs;

    @BeforeAll
    static void unpack() throws Exception {
        home = Files.createDirectories(dir.resolve("home"));
        emptyPath = Files.createDirectories(dir.resolve("empty-bin"));
        Optional<Path> tarball = built(".tar.gz");
        if (tarball.isEmpty()) {
            return;
        }
        Path into = Files.createDirectories(dir.resolve("download"));
        assertEquals(0, run(List.of("tar", "-xzf", tarball.get().toAbsolutePath().toString(), "-C", into.toString()),
                Map.of()).code);
        try (Stream<Path> s = Files.list(into)) {
            top = s.findFirst().orElseThrow();
        }
        agentOs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        agentOs.start();
        AgentOsStub.open(agentOs);
    }

    @AfterAll
    static void stop() {
        if (agentOs != null) {
            agentOs.stop();
        }
    }

    /** target/agentos-traces-mcp-VERSION-linux-x64.EXT, or nothing (then the test is skipped, unless required). */
    static Optional<Path> built(String ext) throws IOException {
        Pattern name = Pattern.compile("agentos-traces-mcp-.+-linux-x64" + Pattern.quote(ext));
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            Optional<Path> found = s.filter(p -> name.matcher(p.getFileName().toString()).matches()).findFirst();
            boolean required = Boolean.getBoolean("image.required");
            if (found.isEmpty() && required) {
                throw new AssertionError("-Pimage built no target/agentos-traces-mcp-*-linux-x64" + ext);
            }
            if (found.isPresent() && !required && Files.getLastModifiedTime(found.get())
                    .compareTo(Files.getLastModifiedTime(Path.of(JavaProcess.jar()))) < 0) {
                return Optional.empty(); // left by an earlier -Pimage build, older than the jar under test
            }
            return found;
        }
    }

    static void requireImage() {
        assumeTrue(top != null, "no runtime image: ./mvnw package -Pimage builds it");
    }

    @Test
    void runsWithNoJdkAnywhereFromItsFirstLaunchOnWithTheArchivesItShips() throws Exception {
        requireImage();
        Path log = dir.resolve("classes.log");
        Run r = launcher(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("agentos-traces-mcp "), r.out);
        assertEquals("", r.err);
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.agentos.traces.cli.Main source: shared objects file")),
                "the first launch starts from the CLI archive made at build time");
        assertTrue(loaded.stream().anyMatch(l -> l.contains("source: jrt:/java.base")), "classes come from the image's runtime");
        Run serve = launcher(Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "serve"); // no input: ends at once
        assertEquals(0, serve.code, serve.err);
        assertTrue(Files.readAllLines(log).stream()
                        .anyMatch(l -> l.contains(" io.modelcontextprotocol.server.McpAsyncServer source: shared objects file")),
                "serve starts from the server's archive made at build time");
        try (Stream<Path> s = Files.list(home)) {
            assertEquals(List.of(), s.toList(), "nothing is made or written at first launch (no ~/.cache)");
        }
    }

    @Test
    void usesItsOwnRuntimeWhateverJavaHomeAndPathSay() throws Exception {
        requireImage();
        Path decoy = Files.createDirectories(dir.resolve("decoy-jdk/bin"));
        Path java = Files.writeString(decoy.resolve("java"), "#!/bin/sh\necho decoy java >&2\nexit 97\n");
        assertTrue(java.toFile().setExecutable(true));
        Run r = run(List.of("env", "-i", "HOME=" + home, "PATH=" + decoy, "JAVA_HOME=" + decoy.getParent(),
                top.resolve("bin/agentos-traces-mcp").toString(), "--version"), Map.of());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("agentos-traces-mcp "), r.out);
    }

    @Test
    void listReadsAStubAgentOs() throws Exception {
        requireImage();
        Run r = launcher(Map.of(), "list", "--base-url", agentOs.baseUrl());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("0809167314b7f072717716997a701ef0"), "the newest trace first: " + r.out);
    }

    @Test
    void readsASqliteDatabaseWithTheDriversNativeLibraryForThisPlatform() throws Exception {
        requireImage();
        JsonNode sample = AgnoDb.sample("sqlite-sample.json");
        Path db = AgnoDb.sqlite(dir.resolve("agno.db"), sample);
        Run r = launcher(Map.of(), "errors", "--database-url", "sqlite:" + db);
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("of 3 traces"), "the three traces of the file: " + r.out);
    }

    @Test
    void serveAnswersInitializeToolsListAndACall() throws Exception {
        requireImage();
        List<String> cmd = new ArrayList<>(List.of("-i", "HOME=" + home, "PATH=" + emptyPath,
                top.resolve("bin/agentos-traces-mcp").toString(), "serve", "--base-url", agentOs.baseUrl()));
        McpSyncClient client = client(ServerParameters.builder("env").args(cmd).build());
        try {
            List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertEquals(serverToolsFromTheJar(), tools);
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("list_traces", Map.of()));
            assertFalse(Boolean.TRUE.equals(r.isError()), () -> r.content().toString());
            assertEquals(21, JSON.valueToTree(r.structuredContent()).get("total_count").asInt());
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void servesHttpWithTheModulesItShips() throws Exception {
        requireImage();
        Process p = new ProcessBuilder("env", "-i", "HOME=" + home, "PATH=" + emptyPath,
                top.resolve("bin/agentos-traces-mcp").toString(), "serve", "--transport", "http", "--port", "0",
                "--base-url", agentOs.baseUrl()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String url = null;
            for (String line; url == null && (line = err.readLine()) != null; ) {
                Matcher m = Pattern.compile("serving MCP on (http://[^/ ]+)/mcp").matcher(line);
                url = m.find() ? m.group(1) : null;
            }
            assertTrue(url != null, "the server says where it listens");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "/healthz")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(JSON.readTree(health.body()).path("agentos").path("reachable").asBoolean(), health.body());
        } finally {
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void theBundleStartsExactlyAsItsManifestSays() throws Exception {
        Optional<Path> mcpb = built(".mcpb");
        assumeTrue(mcpb.isPresent(), "no bundle: ./mvnw package -Pimage builds it");
        Path bundle = Files.createDirectories(dir.resolve("Claude Extensions/agentos traces")); // a path with spaces
        assertEquals(0, run(List.of("unzip", "-q", mcpb.get().toAbsolutePath().toString(), "-d", bundle.toString()),
                Map.of()).code);
        // the worst host: one that unpacks without the executable bits, nor the files' times
        Path jar = bundle.resolve("lib/agentos-traces-mcp.jar");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        try (Stream<Path> files = Files.walk(bundle)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
                perms.removeAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE));
                Files.setPosixFilePermissions(f, perms);
            }
        }
        JsonNode manifest = JSON.readTree(bundle.resolve("manifest.json").toFile());
        assertEquals("0.3", manifest.path("manifest_version").asText());
        byte[] icon = Files.readAllBytes(bundle.resolve(manifest.path("icon").asText()));
        assertEquals("PNG", new String(icon, 1, 3, StandardCharsets.US_ASCII));
        JsonNode settings = manifest.path("user_config");
        assertTrue(settings.path("agentos_url").path("required").asBoolean());
        assertTrue(settings.path("security_key").path("sensitive").asBoolean(), "the key goes to the OS keychain");
        assertEquals(List.of("agentos_url", "security_key", "toolsets"), fieldNames(settings));
        List<String> listed = new ArrayList<>();
        manifest.path("tools").forEach(t -> listed.add(t.path("name").asText()));
        assertEquals(serverToolsFromTheJar(), listed, "the install screen lists the tools the server has");

        // what the host does: ${__dirname} and ${user_config.*} substituted (unset optional settings take their
        // default ""), the env added to its own (here: nearly nothing)
        AgentOsStub.secured(agentOs);
        Map<String, String> values = Map.of("agentos_url", agentOs.baseUrl(), "security_key", AgentOsStub.KEY,
                "toolsets", "traces");
        JsonNode config = manifest.path("server").path("mcp_config");
        List<String> cmd = new ArrayList<>(List.of("-i", "HOME=" + home, "PATH=" + emptyPath));
        config.path("env").fields().forEachRemaining(e ->
                cmd.add(e.getKey() + "=" + substitute(e.getValue().asText(), bundle, values, settings)));
        cmd.add(substitute(config.path("command").asText(), bundle, values, settings));
        config.path("args").forEach(a -> cmd.add(substitute(a.asText(), bundle, values, settings)));
        McpSyncClient client = client(ServerParameters.builder("env").args(cmd).build());
        try {
            List<String> offered = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(offered.contains("list_traces") && !offered.contains("find_errors"), "the toolsets setting: " + offered);
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("list_traces", Map.of("limit", 2)));
            assertFalse(Boolean.TRUE.equals(r.isError()), () -> "the URL and key reach the server: " + r.content());
            assertEquals(2, JSON.valueToTree(r.structuredContent()).get("traces").size());
        } finally {
            client.closeGracefully();
            agentOs.resetAll();
            AgentOsStub.open(agentOs);
        }
        // that first launch put the jar's time back, so the archives made at build time serve
        Path log = dir.resolve("bundle-classes.log");
        Run again = run(List.of("env", "-i", "HOME=" + home, "PATH=" + emptyPath, "JAVA_OPTS=-Xlog:class+load=info:file=" + log,
                "/bin/sh", bundle.resolve("bin/agentos-traces-mcp").toString(), "serve"), Map.of());
        assertEquals(0, again.code, again.err);
        assertEquals("", again.err, "no complaint about the archive");
        assertTrue(Files.readAllLines(log).stream().anyMatch(l -> l.contains(" dev.agentos.traces.cli.Main source: shared objects file")),
                "the server starts from its archive, in a path with spaces too");
    }

    @Test
    void fitsTheDownloadAndDiskBudgets() throws Exception {
        requireImage();
        long download = Files.size(built(".tar.gz").orElseThrow());
        long unpacked;
        try (Stream<Path> files = Files.walk(top)) {
            unpacked = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        // over? BENCHMARKS.md, "The runtime image", lists where the bytes go and the levers left
        assertTrue(download <= 50 * MB, "download " + download + " bytes > 50 MB (issue 19's goal)");
        assertTrue(unpacked <= 120 * MB, "unpacked " + unpacked + " bytes > 120 MB (issue 19's goal)");
    }

    /** packaging/modules.txt against what jdeps finds in the jar: a dependency that needs a new module fails here. */
    @Test
    void theImageHoldsEveryModuleJdepsFinds() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("packaging/modules.txt"));
        Set<String> listed = lines.stream().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> excluded = new TreeSet<>();
        for (String l : lines) {
            Matcher m = Pattern.compile("^# excluded: ([a-z.]+)").matcher(l);
            if (m.find()) {
                excluded.add(m.group(1));
            }
        }
        StringWriter out = new StringWriter();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--ignore-missing-deps",
                "--print-module-deps", "--multi-release", "17", JavaProcess.jar());
        assertEquals(0, code, out.toString());
        Set<String> found = new TreeSet<>(Arrays.asList(out.toString().strip().split(",")));
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(listed);
        missing.removeAll(excluded);
        assertEquals(Set.of(), missing, "jdeps finds modules that packaging/modules.txt neither lists nor excludes");
        Set<String> stale = new TreeSet<>(excluded);
        stale.removeAll(found);
        assertEquals(Set.of(), stale, "excluded in packaging/modules.txt, but jdeps no longer finds them");
    }

    static String substitute(String s, Path bundle, Map<String, String> values, JsonNode settings) {
        String out = s.replace("${__dirname}", bundle.toString());
        Matcher m = Pattern.compile("\\$\\{user_config\\.([a-z_]+)}").matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.getOrDefault(m.group(1), settings.path(m.group(1)).path("default").asText(m.group()));
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        return m.appendTail(b).toString();
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The tools the jar under test lists, in order (the image's and the manifest's must be these). */
    static List<String> serverToolsFromTheJar() {
        McpSyncClient client = client(ServerParameters.builder(JavaProcess.java())
                .args("-jar", JavaProcess.jar(), "serve", "--base-url", "http://127.0.0.1:9").build());
        try {
            return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        } finally {
            client.closeGracefully();
        }
    }

    static McpSyncClient client(ServerParameters params) {
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params, ServerAssembly.jsonMapper()))
                .requestTimeout(Duration.ofSeconds(60)).build();
        assertEquals("agentos-traces-mcp", client.initialize().serverInfo().name());
        return client;
    }

    record Run(int code, String out, String err) {
    }

    /** The image's launcher under env -i: HOME an empty folder, PATH one with nothing in it, plus {@code env}. */
    static Run launcher(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "-i", "HOME=" + home, "PATH=" + emptyPath));
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.add(top.resolve("bin/agentos-traces-mcp").toString());
        cmd.addAll(List.of(args));
        return run(cmd, Map.of());
    }

    static Run run(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(new LinkedHashMap<>(env));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "returned: " + cmd);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
