package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.AgentOsStub;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --toolsets, --tools, --read-only and --allow-runs: what a server offers, and what a call to the rest says. */
class ToolSelectionTest {

    static ToolSelection parse(String toolsets, String tools, boolean readOnly, boolean allowRuns) {
        return ToolSelection.parse(toolsets, tools, readOnly, allowRuns, Map.of());
    }

    static List<String> names(ToolSelection s) {
        return ToolRegistry.make(s, () -> null, java.time.Clock.systemUTC()).stream().map(AgentOsTool::name).toList();
    }

    @Test
    void theDefaultIsTracesTokensAndDiagnose() {
        assertEquals(List.of("list_traces", "get_trace", "total_tokens", "token_cost", "find_errors", "slow_spans",
                "compare_traces", "latest_trace", "find_anomalies"), names(parse(null, null, false, false)));
        assertEquals(names(ToolSelection.DEFAULTS), names(parse("default", null, false, false)));
        assertEquals(ToolRegistry.entries().stream().filter(ToolRegistry.Entry::readOnly).count(),
                names(parse("all", null, false, false)).size(), "every tool that only reads");
        assertEquals(ToolRegistry.entries().size(), names(parse("all", null, false, true)).size());
        assertEquals(List.of("total_tokens", "token_cost"),
                names(ToolSelection.parse(null, null, false, false, Map.of(ToolSelection.ENV_TOOLSETS, "tokens"))));
        assertEquals(List.of("search_traces"), names(parse(null, "search_traces", false, false)), "--tools alone");
        assertEquals(List.of("get_trace", "total_tokens", "token_cost"), names(parse("tokens", "get_trace", false, false)));
        assertEquals(List.of("list_traces", "get_trace", "latest_trace"), names(parse(" Traces , ", null, false, false)));
    }

    @Test
    void unknownNamesAreRefusedWithTheValidOnes() {
        ArgumentException set = assertThrows(ArgumentException.class, () -> parse("traces,tokenz", null, false, false));
        assertEquals("Unknown toolset 'tokenz' in --toolsets; valid: traces, explore, tokens, diagnose, runs, all, default.",
                set.getMessage());
        ArgumentException tool = assertThrows(ArgumentException.class, () -> parse(null, "get_traces", false, false));
        assertTrue(tool.getMessage().startsWith("Unknown tool 'get_traces' in --tools; valid: list_traces, get_trace, "),
                tool.getMessage());
    }

    @Test
    void aToolThatWritesNeedsAllowRunsAndNeverSurvivesReadOnly() {
        ToolRegistry.Entry run = new ToolRegistry.Entry("run_agent", Toolset.RUNS, false, null);
        assertFalse(parse("all", null, false, false).enabled(run));
        assertEquals("run_agent is off: start the server with --allow-runs (it runs agents, which costs money).",
                parse("all", null, false, false).whyOff(run));
        assertEquals("run_agent is off: start the server with --allow-runs (it runs agents, which costs money).",
                parse(null, null, false, false).whyOff(run));
        assertTrue(parse(null, null, false, true).enabled(run), "--allow-runs alone offers run_agent");
        assertTrue(parse("traces", null, false, true).toolsets().contains(Toolset.RUNS));
        assertFalse(parse(null, null, true, true).toolsets().contains(Toolset.RUNS), "--read-only wins");
        assertTrue(parse("all", null, false, true).enabled(run));
        assertTrue(ToolSelection.parse("all", null, false, false, Map.of(ToolSelection.ENV_ALLOW_RUNS, "1")).enabled(run));
        ToolSelection readOnly = parse("all", null, true, true);
        assertFalse(readOnly.enabled(run));
        assertEquals("run_agent is off: it has side effects and this server was started with --read-only.",
                readOnly.whyOff(run));
        assertEquals(names(parse("all", null, false, false)), names(readOnly), "every tool that only reads stays");
    }

    @Test
    void overHttpADisabledToolIsUnlistedAndACallSaysWhichFlagEnablesIt() throws Exception {
        WireMockServer agentOs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        agentOs.start();
        AgentOsStub.open(agentOs);
        HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
        for (boolean stateless : new boolean[] {false, true}) {
            HttpServer server = HttpServer.start(new HttpServer.Options("127.0.0.1", 0, stateless, List.of(), List.of(),
                    null, false, d.maxRequestBytes(), d.keepAlive(), d.idleTimeout(), Duration.ofSeconds(2)),
                    ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()),
                    parse("tokens", null, true, false), "test");
            McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                    .endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(20)).build();
            try {
                c.initialize();
                assertTrue(c.getServerInstructions().endsWith(" total_tokens, token_cost answer across traces in one call."),
                        "the instructions name only tools it offers: " + c.getServerInstructions());
                assertFalse(c.getServerInstructions().contains("list_traces"), c.getServerInstructions());
                assertEquals(Set.of("total_tokens", "token_cost"),
                        Set.copyOf(c.listTools().tools().stream().map(McpSchema.Tool::name).toList()));
                McpSchema.CallToolResult off = c.callTool(new McpSchema.CallToolRequest("list_traces", Map.of("limit", 5)));
                assertTrue(off.isError());
                assertEquals("list_traces is off: start the server with --toolsets traces (or --tools list_traces).",
                        ((McpSchema.TextContent) off.content().get(0)).text());
                assertFalse(c.callTool(new McpSchema.CallToolRequest("total_tokens", Map.of())).isError());
                assertEquals(List.of("token_report"), c.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList(),
                        "no prompt that calls a missing tool (" + (stateless ? "stateless" : "sessions") + ")");
                assertEquals(List.of(TraceResources.PRICING),
                        c.listResources().resources().stream().map(McpSchema.Resource::uri).toList());
                assertEquals(List.of(), c.listResourceTemplates().resourceTemplates());
            } finally {
                c.closeGracefully();
                server.close();
            }
        }
        agentOs.stop();
    }
}
