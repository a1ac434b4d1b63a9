package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;

/** Test bridge for other packages: calls a tool as the server would (the tools themselves stay package-private). */
public final class ToolCalls {

    private ToolCalls() {
    }

    public static CallToolResult call(String baseUrl, Clock clock, String tool, Map<String, Object> arguments) {
        AgentOsClient client = AgentOsClient.create(ConnectionOptions.resolve(baseUrl, null, null, null, null, Map.of()));
        AgentOsTool t = ToolRegistry.entry(tool).make().apply(new ToolRegistry.Context(ToolRegistry.entry(tool),
                () -> client, clock));
        return t.call(arguments);
    }
}
