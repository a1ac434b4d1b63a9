package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.testsupport.AgentOsStub;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Colour is for terminals: no tool result, text or structuredContent, ever carries an ANSI escape, even in
 * an environment where the CLI would colour (a terminal type, AGENTOS_TRACES_COLOR=always).
 */
class McpPlainTextTest {

    @Test
    void noToolOutputHasAnsiEscapes() throws Exception {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            AgentOsStub.open(server);
            List<AgentOsTool> tools = ToolErrorsTest.tools(server.baseUrl(),
                    Map.of("TERM", "xterm-256color", "AGENTOS_TRACES_COLOR", "always"));
            Set<String> mustSucceed = Set.of("list_traces", "get_trace", "trace_stats", "total_tokens");
            int checked = 0;
            for (AgentOsTool t : tools) {
                Map<String, Object> args = new HashMap<>(ToolErrorsTest.CALLS.getOrDefault(t.name(), Map.of()));
                if (t.name().equals("get_trace")) {
                    args.put("detail", "full");
                }
                if (t.name().equals("trace_stats")) {
                    args.remove("limit"); // the open server's capture is of the default page
                }
                if (t.name().equals("list_traces")) {
                    args.put("limit", 20); // the page with a failed-span trace, which the CLI would colour
                }
                CallToolResult r = t.call(args);
                String text = r.content().stream().filter(c -> c instanceof McpSchema.TextContent)
                        .map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat);
                if (mustSucceed.contains(t.name())) {
                    assertFalse(r.isError(), t.name() + ": " + text);
                    assertFalse(text.isBlank(), t.name());
                }
                assertFalse(text.contains("\u001b"), t.name() + " text has an escape: " + text);
                String structured = Json.MAPPER.writeValueAsString(r.structuredContent());
                assertFalse(structured.contains("\\u001B") || structured.contains("\u001b"), t.name() + ": " + structured);
                checked++;
            }
            assertTrue(checked >= mustSucceed.size(), "tools checked: " + checked);
        } finally {
            server.stop();
        }
    }
}
