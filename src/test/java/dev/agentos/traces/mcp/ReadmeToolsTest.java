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

/** README's tools table lists exactly the server's tools, each with every argument it takes. */
class ReadmeToolsTest {

    @Test
    void readmeTableMatchesTheTools() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Tools");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("#")) {
            end++;
        }
        List<String> rows = lines.subList(start, end).stream().filter(l -> l.startsWith("| `")).toList();
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
            JsonNode props = Json.MAPPER.valueToTree(t.inputSchema()).get("properties");
            for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
                String arg = it.next();
                assertTrue(row.contains("`" + arg + "`"), "README's row for " + t.name() + " lacks " + arg);
            }
        }
    }
}
