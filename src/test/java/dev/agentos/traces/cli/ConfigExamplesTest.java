package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import dev.agentos.traces.mcp.ToolSelection;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The examples in mcp-config-examples/ cannot rot: every file parses, every stdio entry launches the real
 * launcher with `serve` and flags serve accepts, and sets only environment variables the program reads.
 */
class ConfigExamplesTest {

    static final Path DIR = Path.of("mcp-config-examples");
    static final Set<String> ENV = Set.of("AGENTOS_URL", "AGENTOS_SECURITY_KEY", "OS_SECURITY_KEY", "AGENTOS_DB_ID",
            "JAVA_OPTS", "AGENTOS_TRACES_MCP_CDS", "AGENTOS_TRACES_MCP_JAR", "MCP_AUTH_TOKEN",
            ToolSelection.ENV_TOOLSETS, ToolSelection.ENV_ALLOW_RUNS);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Entry(String file, String command, List<String> args, Set<String> env) {
    }

    static Set<String> serveFlags() {
        Set<String> flags = new HashSet<>();
        for (OptionSpec o : new CommandLine(new ServeCommand(new Context(Map.of(), Clock.systemUTC()))).getCommandSpec().options()) {
            flags.addAll(List.of(o.names()));
        }
        return flags;
    }

    /** Finds every server entry in any of the clients' shapes. */
    static void collect(String file, JsonNode node, List<Entry> out) {
        if (node == null || !node.isContainerNode()) {
            return;
        }
        JsonNode cmd = node.has("command") ? node.get("command") : node.get("cmd");
        if (cmd != null && cmd.isTextual()) {
            List<String> args = new ArrayList<>();
            node.path("args").forEach(a -> args.add(a.asText()));
            Set<String> env = new HashSet<>();
            JsonNode e = node.has("env") ? node.get("env") : node.get("envs");
            if (e != null) {
                e.fieldNames().forEachRemaining(env::add);
            }
            out.add(new Entry(file, cmd.asText(), args, env));
            return;
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collect(file, it.next(), out);
        }
    }

    @Test
    void everyExampleLaunchesTheRealLauncherWithRealFlagsAndVariables() throws Exception {
        List<Entry> entries = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.sorted().toList();
        }
        int parsed = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json")) {
                collect(name, JSON.readTree(f.toFile()), entries);
                parsed++;
            } else if (name.endsWith(".yaml")) {
                collect(name, YAML.readTree(f.toFile()), entries);
                parsed++;
            }
        }
        assertTrue(parsed >= 9, "every client's file parses: " + files);
        Set<String> flags = serveFlags();
        Set<String> covered = new HashSet<>();
        for (Entry e : entries) {
            covered.add(e.file());
            assertTrue(e.command().endsWith("/bin/agentos-traces-mcp"), e.file() + " launches " + e.command());
            assertTrue(Files.isExecutable(Path.of("bin/agentos-traces-mcp")), "the launcher exists and is executable");
            assertEquals("serve", e.args().get(0), e.file());
            for (String a : e.args().subList(1, e.args().size())) {
                if (a.startsWith("-")) {
                    assertTrue(flags.contains(a.split("=", 2)[0]), e.file() + ": serve has no flag " + a);
                }
            }
            int at = e.args().indexOf("--toolsets");
            assertTrue(at > 0, e.file() + " shows where --toolsets goes: " + e.args());
            ToolSelection.parse(e.args().get(at + 1), null, false, false, Map.of()); // a name it accepts
            assertTrue(ENV.containsAll(e.env()), e.file() + " sets a variable the program does not read: " + e.env());
            assertFalse(e.env().isEmpty(), e.file() + " should show AGENTOS_URL");
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json") || name.endsWith(".yaml")) {
                assertTrue(covered.contains(name), name + " has no server entry");
            }
        }
    }

    @Test
    void theShellExampleUsesTheRealCommand() throws Exception {
        String sh = Files.readString(DIR.resolve("claude-code.sh"));
        assertTrue(sh.contains("bin/agentos-traces-mcp\" serve --toolsets "), sh);
        for (String v : List.of("AGENTOS_URL", "AGENTOS_SECURITY_KEY")) {
            assertTrue(sh.contains("-e " + v + "="), sh);
        }
        String readme = Files.readString(DIR.resolve("README.md"));
        try (Stream<Path> s = Files.list(DIR)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md"))
                    .forEach(n -> assertTrue(readme.contains("`" + n + "`"), "README.md does not say where " + n + " goes"));
        }
    }
}
