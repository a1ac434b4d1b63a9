package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built jar, launched as an MCP client launches it (a subprocess speaking stdio), driven by the
 * MCP Java SDK's own client against the real AgentOS fixtures.
 */
class StdioServerIT {

    static WireMockServer agentOs;
    static McpSyncClient client;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<McpSchema.ProgressNotification> PROGRESS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        agentOs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        agentOs.start();
        AgentOsStub.open(agentOs);
        ServerParameters params = ServerParameters.builder(JavaProcess.java())
                .args("-jar", JavaProcess.jar(), "serve", "--base-url", agentOs.baseUrl(), "--toolsets", "all")
                .build();
        client = McpClient.sync(new StdioClientTransport(params, ServerAssembly.jsonMapper()))
                .progressConsumer(PROGRESS::add)
                .requestTimeout(Duration.ofSeconds(30)).build();
        McpSchema.InitializeResult init = client.initialize();
        assertEquals("agentos-traces-mcp", init.serverInfo().name());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        agentOs.stop();
    }

    static JsonNode structured(CallToolResult r) {
        assertFalse(Boolean.TRUE.equals(r.isError()), () -> "tool failed: " + text(r));
        return JSON.valueToTree(r.structuredContent());
    }

    static String text(CallToolResult r) {
        return r.content().stream().map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining("\n"));
    }

    @Test
    void listsTheReadOnlyToolsWithSchemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertEquals(List.of("list_traces", "get_trace", "trace_stats", "total_tokens", "token_cost", "find_errors",
                "slow_spans", "compare_traces", "search_traces", "latest_trace", "find_anomalies", "compare_periods",
                "list_agents", "check_traces"),
                tools.stream().map(McpSchema.Tool::name).toList());
        for (McpSchema.Tool t : tools) {
            assertNotNull(t.title(), t.name());
            assertNotNull(t.outputSchema(), t.name());
            assertTrue(t.annotations().readOnlyHint(), t.name());
        }
    }

    @Test
    void listTracesReturnsTheNewestTwentyOfTwentyOne() {
        JsonNode s = structured(client.callTool(new McpSchema.CallToolRequest("list_traces", Map.of())));
        assertEquals(21, s.get("total_count").asInt());
        assertEquals(20, s.get("traces").size());
        assertEquals("0809167314b7f072717716997a701ef0", s.get("traces").get(0).get("trace_id").asText());
        assertTrue(s.get("has_next").asBoolean());
    }

    @Test
    void getTraceShowsTheFailedToolInsideATraceThatSaysOk() {
        CallToolResult r = client.callTool(new McpSchema.CallToolRequest("get_trace",
                Map.of("trace_id", "16a3d91143cd09bae7f87594b93c261c")));
        JsonNode s = structured(r);
        assertEquals("OK", s.get("status").asText());
        assertEquals("lookup_inventory", s.get("failures").get(0).get("tool_name").asText());
        assertEquals("Inventory service unavailable for item 'nuts' (simulated outage)",
                s.get("failures").get(0).get("error").asText());
        assertEquals(143, s.get("tokens").get("input_tokens").asLong());
        assertEquals(52, s.get("tokens").get("output_tokens").asLong());
        String text = text(r);
        assertTrue(text.contains("TOOL lookup_inventory"), text);
        assertTrue(text.contains("model=offline-sim-2 tokens=61+20"), text);
        assertFalse(text.contains("from_history"), "LLM prompts are left out by default: " + text);
    }

    @Test
    void traceStatsTotalsEverySession() {
        JsonNode s = structured(client.callTool(new McpSchema.CallToolRequest("trace_stats", Map.of())));
        assertEquals(3, s.get("total_count").asInt());
        assertEquals(21, s.get("totals").get("traces").asInt());
        assertEquals("sess-gamma", s.get("sessions").get(0).get("session_id").asText());
    }

    @Test
    void totalTokensOfOneTrace() {
        JsonNode s = structured(client.callTool(new McpSchema.CallToolRequest("total_tokens",
                Map.of("trace_id", "16a3d91143cd09bae7f87594b93c261c"))));
        assertEquals(143, s.get("input_tokens").asLong());
        assertEquals(52, s.get("output_tokens").asLong());
        assertEquals(195, s.get("total_tokens").asLong());
        assertTrue(s.get("matches_root_totals").asBoolean());
    }

    @Test
    void totalTokensOverEveryTraceEqualsTheSumOfAllLlmSpans() throws Exception {
        long in = 0;
        long out = 0;
        for (JsonNode trace : JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data")) {
            for (JsonNode root : trace.get("tree")) {
                long[] sums = sumLlm(root);
                in += sums[0];
                out += sums[1];
            }
        }
        JsonNode s = structured(client.callTool(new McpSchema.CallToolRequest("total_tokens", Map.of())));
        assertEquals(22, s.get("traces_read").asInt());
        assertEquals(in, s.get("input_tokens").asLong());
        assertEquals(out, s.get("output_tokens").asLong());
        assertEquals(in + out, s.get("total_tokens").asLong());
        assertEquals(1, s.get("requests").asInt());
    }

    @Test
    void aScanWithAProgressTokenReportsProgressToTheClient() throws Exception {
        PROGRESS.clear();
        CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder().name("find_errors")
                .arguments(Map.of()).progressToken("scan-1").build());
        assertEquals(4, structured(r).get("failed_spans").asInt());
        long deadline = System.currentTimeMillis() + 5000;
        while (PROGRESS.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(PROGRESS.isEmpty(), "a progress notification must reach the client");
        McpSchema.ProgressNotification last = PROGRESS.get(PROGRESS.size() - 1);
        assertEquals("scan-1", last.progressToken());
        assertEquals(22.0, last.progress());
        assertEquals(22.0, last.total());
        assertEquals("22 of 22 traces read", last.message());
    }

    @Test
    void resourcesPromptsAndCompletionsAnswerFromTheTraces() {
        McpSchema.ReadResourceResult trace = client.readResource(
                new McpSchema.ReadResourceRequest("agentos://traces/16a3d91143cd09bae7f87594b93c261c"));
        assertEquals(2, trace.contents().size());
        assertTrue(((McpSchema.TextResourceContents) trace.contents().get(0)).text()
                .startsWith("Trace 16a3d91143cd09bae7f87594b93c261c | Ops_Agent.arun"));
        assertEquals("application/json", trace.contents().get(1).mimeType());
        assertTrue(client.listResourceTemplates().resourceTemplates().stream()
                .anyMatch(t -> t.uriTemplate().equals("agentos://traces/{trace_id}/spans/{span_id}")));
        McpSchema.GetPromptResult p = client.getPrompt(new McpSchema.GetPromptRequest("error_review", Map.of("window", "7d")));
        assertTrue(((McpSchema.TextContent) p.messages().get(0).content()).text().contains("find_errors start_time=7d"));
        McpSchema.Resource app = client.listResources().resources().stream()
                .filter(r -> r.uri().equals("ui://agentos-traces/waterfall.html")).findFirst().orElseThrow();
        assertEquals("text/html;profile=mcp-app", app.mimeType());
        McpSchema.ReadResourceResult html = client.readResource(new McpSchema.ReadResourceRequest(app.uri()));
        assertTrue(((McpSchema.TextResourceContents) html.contents().get(0)).text().contains("ui/initialize"));
        McpSchema.Tool get = client.listTools().tools().stream().filter(t -> t.name().equals("get_trace")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("resourceUri", app.uri()), get.meta().get("ui"), "get_trace opens the waterfall app");
        McpSchema.CompleteResult c = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.PromptReference("debug_last_run"), new McpSchema.CompleteRequest.CompleteArgument("agent_id", "m")));
        assertEquals(List.of("math-agent"), c.completion().values());
    }

    private static long[] sumLlm(JsonNode node) {
        long[] s = {0, 0};
        if ("LLM".equals(node.path("type").asText())) {
            s[0] += node.path("metadata").path("input_tokens").asLong();
            s[1] += node.path("metadata").path("output_tokens").asLong();
        }
        for (JsonNode c : node.path("spans")) {
            long[] cs = sumLlm(c);
            s[0] += cs[0];
            s[1] += cs[1];
        }
        return s;
    }

    @Test
    void failuresAreToolErrorsAndTheServerStaysUp() {
        CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("get_trace",
                Map.of("trace_id", "00000000000000000000000000000000")));
        assertTrue(missing.isError());
        assertTrue(text(missing).startsWith("Trace 00000000000000000000000000000000 was not found"), text(missing));

        CallToolResult badLimit = client.callTool(new McpSchema.CallToolRequest("list_traces", Map.of("limit", 0)));
        assertTrue(badLimit.isError());

        CallToolResult badTime = client.callTool(new McpSchema.CallToolRequest("list_traces",
                Map.of("start_time", "last tuesday")));
        assertTrue(badTime.isError());
        assertTrue(text(badTime).contains("start_time"), text(badTime));

        assertEquals(21, structured(client.callTool(new McpSchema.CallToolRequest("list_traces", Map.of())))
                .get("total_count").asInt());
    }
}
