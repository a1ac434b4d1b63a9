package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's tools table lists exactly the server's tools, each with every argument it takes. A row may say
 * <em>filter</em> once for the filter arguments, which the sentence above the table lists.
 */
class ReadmeToolsTest {

    @Test
    void readmeTableMatchesTheTools() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Tools");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        String section = String.join("\n", lines.subList(start, end));
        int defined = section.indexOf("*filter* below means");
        assertTrue(defined >= 0, "README's tools section no longer says what *filter* means");
        String filterArgs = section.substring(defined, section.indexOf("| Tool |", defined));
        List<String> rows = lines.subList(start, end).stream().filter(l -> l.startsWith("| `"))
                .map(l -> l.replace("*filter*", filterArgs)).toList();
        List<String> documented = new ArrayList<>();
        for (String row : rows) {
            documented.add(row.substring(3, row.indexOf('`', 3)));
        }
        List<AgentOsTool> tools = ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC());
        assertEquals(tools.stream().map(AgentOsTool::name).toList(), documented.stream()
                .filter(n -> tools.stream().anyMatch(t -> t.name().equals(n))).toList());
        assertEquals(tools.size(), documented.stream().filter(n -> n.matches("[a-z]+(_[a-z]+)+")).distinct().count(),
                "README documents a tool the server does not have: " + documented);
        for (AgentOsTool t : tools) {
            String row = rows.stream().filter(r -> r.startsWith("| `" + t.name() + "`")).findFirst().orElseThrow();
            JsonNode props = Json.MAPPER.valueToTree(t.inputSchema()).path("properties"); // none: list_agents
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String arg = it.next();
                assertTrue(row.contains("`" + arg + "`"), "README's row for " + t.name() + " lacks " + arg);
            }
        }
    }

    /** The README stays a guide: under 15 KB, with every relative link (docs, examples) pointing at a file. */
    @Test
    void readmeStaysShortAndItsLinksResolve() throws Exception {
        for (String doc : List.of("README.md", "CONTRIBUTING.md", "docs/reference.md", "docs/http-server.md",
                "docs/architecture.md", "docs/install.md", "docs/database-mode.md")) {
            Path path = Path.of(doc);
            String text = Files.readString(path);
            if (doc.equals("README.md")) {
                assertTrue(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 15 * 1024,
                        "README.md is over 15 KB: move reference material to docs/");
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(text);
            while (m.find()) {
                Path target = (path.getParent() == null ? Path.of(".") : path.getParent()).resolve(m.group(1));
                assertTrue(Files.exists(target), doc + " links to " + m.group(1) + ", which does not exist");
            }
        }
    }

    /** "Choosing tools" lists every toolset with its tools and the size of its tools/list, as they are. */
    @Test
    void readmeToolsetSizesAreTrue() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Toolset set : Toolset.values()) {
            List<AgentOsTool> tools = ToolRegistry.make(new ToolSelection(java.util.Set.of(set), java.util.Set.of(),
                    false, true), () -> null, Clock.systemUTC());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `" + set.id() + "`[^|]*\\|([^|]*)\\|([^|]*)\\|$")
                    .matcher(readme);
            assertTrue(m.find(), "README's Choosing tools has no row for " + set.id());
            for (AgentOsTool t : tools) {
                assertTrue(m.group(1).contains("`" + t.name() + "`"), "the " + set.id() + " row lacks " + t.name());
            }
            if (!tools.isEmpty()) {
                assertEquals(String.format(java.util.Locale.ROOT, "%,d", ToolListSizeTest.toolsListBytes(tools)),
                        m.group(2).strip(), "bytes of toolset " + set.id());
            }
        }
        int dflt = ToolListSizeTest.toolsListBytes(ToolRegistry.make(ToolSelection.DEFAULTS, () -> null, Clock.systemUTC()));
        int all = ToolListSizeTest.toolsListBytes(ServerAssembly.tools(() -> null, Clock.systemUTC()));
        assertTrue(readme.contains(String.format(java.util.Locale.ROOT, "The default is %,d bytes; `--toolsets all` %,d ",
                dflt, all)), "README's totals: default " + dflt + ", all " + all);
    }
}
