package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Calls one MCP tool over a given client, for tests outside this package. */
public final class ToolCalls {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private ToolCalls() {
    }

    public static CallToolResult call(String tool, AgentOsClient client, Map<String, Object> args) {
        for (AgentOsTool t : ServerAssembly.tools(() -> client, CLOCK)) {
            if (t.name().equals(tool)) {
                return t.call(args);
            }
        }
        throw new IllegalArgumentException("no tool " + tool);
    }

    public static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }
}
