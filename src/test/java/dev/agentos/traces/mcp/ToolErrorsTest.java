package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.AgentOsStub;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import dev.agentos.traces.testsupport.Stubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure of every tool is an isError result with one sentence that says what to do. */
class ToolErrorsTest {

    static final String TRACE = "16a3d91143cd09bae7f87594b93c261c";
    /** One valid call per tool; the secured fixtures only cover GET /traces?limit=2 and the session stats. */
    static final Map<String, Map<String, Object>> CALLS = Map.ofEntries(
            Map.entry("list_traces", Map.of("limit", 2)),
            Map.entry("get_trace", Map.of("trace_id", TRACE)),
            Map.entry("trace_stats", Map.of("limit", 1)),
            Map.entry("total_tokens", Map.of("trace_id", TRACE)),
            Map.entry("token_cost", Map.of("trace_id", TRACE)),
            Map.entry("find_errors", Map.of("start_time", "7d")),
            Map.entry("slow_spans", Map.of("trace_id", TRACE)),
            Map.entry("compare_traces", Map.of("trace_id_a", TRACE, "trace_id_b", TRACE)),
            Map.entry("search_traces", Map.of("filter", Map.of("op", "EQ", "key", "status", "value", "ERROR"))),
            Map.entry("latest_trace", Map.of("agent_id", "ops-agent")),
            Map.entry("list_agents", Map.of()),
            Map.entry("check_traces", Map.of("trace_id", TRACE, "rules", Map.of("no_failed_spans", true))),
            Map.entry("run_agent", Map.of("agent_id", "math-agent", "message", "hi")));

    WireMockServer server;

    @BeforeEach
    void start() {
        server = Stubs.started();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static List<AgentOsTool> tools(String baseUrl, Map<String, String> env) {
        return tools(baseUrl, env, false);
    }

    /** Every toolset; with run_agent only when {@code allowRuns}, as --allow-runs gives. */
    static List<AgentOsTool> tools(String baseUrl, Map<String, String> env, boolean allowRuns) {
        ConnectionOptions o = ConnectionOptions.resolve(baseUrl, null, null, null, null, env);
        AgentOsClient client = AgentOsClient.create(o);
        return ToolRegistry.make(ToolSelection.parse("all", null, false, allowRuns, Map.of()), () -> client,
                Clock.systemUTC());
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @Test
    void unreachableAgentOsNamesTheUrlAndHowToSetIt() {
        for (AgentOsTool t : tools("http://127.0.0.1:9", Map.of(), true)) {
            CallToolResult r = t.call(CALLS.get(t.name()));
            assertTrue(r.isError(), t.name());
            assertEquals("Cannot reach AgentOS at http://127.0.0.1:9 (connection refused). Is it running? "
                    + "Set the address with --base-url or the AGENTOS_URL environment variable.", text(r), t.name());
        }
    }

    @Test
    void missingKeyNamesTheVariableAndTheKeyNeverLeaks() {
        AgentOsStub.secured(server);
        for (AgentOsTool t : tools(server.baseUrl(), Map.of())) {
            if (t.name().equals("list_traces") || t.name().equals("trace_stats")) {
                // the captures without a key: GET /traces?limit=2 and GET /trace_session_stats
                CallToolResult r = t.call(t.name().equals("trace_stats") ? Map.of() : CALLS.get(t.name()));
                assertTrue(r.isError(), t.name());
                assertTrue(text(r).startsWith("AgentOS requires a security key (401: Authorization header required). "
                        + "Set AGENTOS_SECURITY_KEY"), text(r));
            }
        }
        for (AgentOsTool t : tools(server.baseUrl(), Map.of("AGENTOS_SECURITY_KEY", "wrong"))) {
            if (t.name().equals("list_traces")) {
                CallToolResult r = t.call(CALLS.get(t.name()));
                assertTrue(text(r).startsWith("AgentOS rejected the security key (401: Invalid authentication token)"), text(r));
                assertFalse(text(r).contains("wrong"), "the key must never be echoed: " + text(r));
            }
        }
        for (AgentOsTool t : tools(server.baseUrl(), Map.of("OS_SECURITY_KEY", AgentOsStub.KEY))) {
            if (t.name().equals("list_traces")) {
                CallToolResult r = t.call(CALLS.get(t.name()));
                assertFalse(r.isError(), text(r));
                assertFalse(text(r).contains(AgentOsStub.KEY));
            }
        }
    }

    @Test
    void unknownTraceAndSpanSayWhereToLook() {
        AgentOsStub.open(server);
        AgentOsTool get = tools(server.baseUrl(), Map.of()).get(1);
        assertEquals("get_trace", get.name());
        CallToolResult trace = get.call(Map.of("trace_id", "00000000000000000000000000000000"));
        assertTrue(trace.isError());
        assertTrue(text(trace).contains("list_traces shows recent trace ids"), text(trace));
        CallToolResult span = get.call(Map.of("trace_id", "0809167314b7f072717716997a701ef0", "span_id", "0000000000000000"));
        assertTrue(span.isError());
        assertEquals("Span 0000000000000000 was not found in trace 0809167314b7f072717716997a701ef0; "
                + "get_trace without span_id lists the trace's spans.", text(span));
        CallToolResult other = get.call(Map.of("trace_id", "0809167314b7f072717716997a701ef0", "span_id", "b814b892dcc86f5b"));
        assertTrue(text(other).startsWith("Span b814b892dcc86f5b belongs to another trace"), text(other));
        CallToolResult run = get.call(Map.of("run_id", "no-such-run-but-no-fixture"));
        assertTrue(run.isError()); // WireMock has no fixture: a 404 route answer, still one sentence
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        AgentOsStub.open(server);
        List<AgentOsTool> tools = tools(server.baseUrl(), Map.of(), true);
        Map<String, Map<String, Object>> bad = Map.ofEntries(
                Map.entry("list_traces", Map.of("start_time", "2026-13-45")),
                Map.entry("get_trace", Map.of("trace_id", "a\nb")),
                Map.entry("trace_stats", Map.of("end_time", "soon")),
                Map.entry("total_tokens", Map.of("trace_id", TRACE, "agent_id", "math-agent")),
                Map.entry("token_cost", Map.of("start_time", "last tuesday")),
                Map.entry("find_errors", Map.of("max_traces", 0)),
                Map.entry("slow_spans", Map.of("trace_id", "../etc")),
                Map.entry("compare_traces", Map.of("trace_id_a", TRACE)),
                Map.entry("search_traces", Map.of("filter", "{not json")),
                Map.entry("latest_trace", Map.of("wait_seconds", 5)),
                Map.entry("find_anomalies", Map.of("max_runs", 0)),
                Map.entry("compare_periods", Map.of("group_by", "week")),
                Map.entry("check_traces", Map.of("trace_id", TRACE, "rules", Map.of("max_duration", "soon"))),
                Map.entry("run_agent", Map.of("message", "hi")));
        for (AgentOsTool t : tools) {
            if (t.name().equals("list_agents")) {
                continue; // takes no arguments to get wrong
            }
            CallToolResult r = t.call(bad.get(t.name()));
            assertTrue(r.isError(), t.name());
            assertFalse(text(r).contains("Exception"), text(r));
        }
        assertTrue(tools.get(0).call(Map.of("sort_by", "tokens")).isError());
        assertTrue(text(tools.get(3).call(Map.of("run_id", "x", "trace_id", TRACE))).contains("exactly one of trace_id or run_id"));
        assertEquals(0, server.getAllServeEvents().size(), "no request may be sent for a bad argument");
    }
}
