package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.testsupport.AgentOsStub;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour is for terminals: no tool result, text or structured, ever carries an ANSI escape. */
class McpPlainTextTest {

    @Test
    void noToolOutputHasAnsiCodesEvenWhereTheCliWouldColour() throws Exception {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            AgentOsStub.open(server);
            // the environment a coloured terminal would have; the tools must not care
            List<AgentOsTool> tools = ToolErrorsTest.tools(server.baseUrl(), Map.of("TERM", "xterm-256color"));
            Map<String, Map<String, Object>> calls = Map.of(
                    "list_traces", Map.of(),
                    "get_trace", Map.of("trace_id", ToolErrorsTest.TRACE, "include_io", true),
                    "trace_stats", Map.of(),
                    "total_tokens", Map.of("trace_id", ToolErrorsTest.TRACE));
            for (AgentOsTool t : tools) {
                CallToolResult r = t.call(calls.get(t.name()));
                assertFalse(r.isError(), t.name() + ": " + ToolErrorsTest.text(r));
                String text = ToolErrorsTest.text(r);
                assertFalse(text.contains("\u001b"), t.name() + ": " + text);
                assertFalse(text.contains("├") || text.contains("└"), "the MCP tree stays indented: " + text);
                assertFalse(Json.MAPPER.writeValueAsString(r.structuredContent()).contains("\\u001B"), t.name());
            }
        } finally {
            server.stop();
        }
    }
}
