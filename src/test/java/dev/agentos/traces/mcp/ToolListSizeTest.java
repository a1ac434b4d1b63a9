package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.AgentOsClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every conversation pays for the tool list before its first question (issue 17). Counted over whatever the
 * registry holds, so a tool added later is counted too: the tools/list answer as a client reads it.
 */
class ToolListSizeTest {

    /** Every tool, those that write included. */
    static final int ALL_BYTES = 24_000;
    /** Name, title, description and input schema of every tool: what a model reads. */
    static final int ALL_MODEL_BYTES = 12_000;
    /** What a server started without flags lists. */
    static final int DEFAULT_BYTES = 12_000;

    static int size(Object o) {
        try {
            return ServerAssembly.jsonMapper().writeValueAsString(o).getBytes(StandardCharsets.UTF_8).length;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static int bytes(AgentOsTool t) {
        return size(t.definition());
    }

    static int modelBytes(AgentOsTool t) {
        McpSchema.Tool d = t.definition();
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("name", d.name());
        read.put("title", d.title());
        read.put("description", d.description());
        read.put("inputSchema", d.inputSchema());
        return size(read);
    }

    /** The JSON-RPC line a client receives for tools/list. */
    static int toolsListBytes(List<AgentOsTool> tools) {
        List<McpSchema.Tool> defs = tools.stream().map(AgentOsTool::definition).toList();
        return size(new McpSchema.JSONRPCResponse("2.0", 1, new McpSchema.ListToolsResult(defs, null), null));
    }

    @Test
    void everyToolFitsTheBudget() {
        List<AgentOsTool> all = ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC());
        int total = toolsListBytes(all);
        int model = all.stream().mapToInt(ToolListSizeTest::modelBytes).sum();
        String each = all.stream().map(t -> t.name() + " " + bytes(t) + "/" + modelBytes(t)).toList().toString();
        assertTrue(total <= ALL_BYTES, "tools/list with every tool: " + total + " bytes > " + ALL_BYTES + "; " + each);
        assertTrue(model <= ALL_MODEL_BYTES, "name+title+description+inputSchema: " + model + " bytes > "
                + ALL_MODEL_BYTES + "; " + each);
        System.out.println("tools/list, all " + all.size() + " tools: " + total + " bytes (model part " + model + ")");
    }

    @Test
    void theDefaultToolsetsFitTheirBudget() {
        List<AgentOsTool> tools = ToolRegistry.make(ToolSelection.DEFAULTS, () -> null, Clock.systemUTC());
        int total = toolsListBytes(tools);
        assertTrue(total <= DEFAULT_BYTES, "tools/list by default: " + total + " bytes > " + DEFAULT_BYTES);
        System.out.println("tools/list, default " + tools.size() + " tools: " + total + " bytes");
        for (Toolset s : Toolset.values()) {
            List<AgentOsTool> one = ToolRegistry.make(new ToolSelection(java.util.Set.of(s), java.util.Set.of(), false,
                    true), () -> null, Clock.systemUTC());
            System.out.println("toolset " + s.id() + ": " + one.size() + " tools, " + toolsListBytes(one) + " bytes");
        }
    }
}
