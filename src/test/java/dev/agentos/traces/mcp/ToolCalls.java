package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Calls one MCP tool as the server would, for tests outside this package (the tools stay package-private). */
public final class ToolCalls {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private ToolCalls() {
    }

    public static CallToolResult call(String tool, AgentOsClient client, Map<String, Object> args) {
        return call(tool, client, CLOCK, args);
    }

    /** Over a client of the AgentOS at {@code baseUrl}, with {@code clock} as "now". */
    public static CallToolResult call(String baseUrl, Clock clock, String tool, Map<String, Object> args) {
        AgentOsClient client = AgentOsClient.create(ConnectionOptions.resolve(baseUrl, null, null, null, null, Map.of()));
        return call(tool, client, clock, args);
    }

    static CallToolResult call(String tool, AgentOsClient client, Clock clock, Map<String, Object> args) {
        ToolRegistry.Entry e = ToolRegistry.entry(tool);
        return e.make().apply(new ToolRegistry.Context(e, () -> client, clock)).call(args);
    }

    public static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }
}
