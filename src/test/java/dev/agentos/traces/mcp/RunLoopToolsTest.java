package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.testsupport.RunStubs;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** list_agents, run_agent and check_traces against the captured discovery, run and trace fixtures. */
class RunLoopToolsTest {

    WireMockServer server;
    AgentOsClient client;

    @BeforeEach
    void start() {
        server = Stubs.started();
        RunStubs.discoveryAndTraces(server);
        client = Stubs.client(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** The tools a server started with {@code --toolsets all} (and {@code --allow-runs} when asked) offers. */
    List<AgentOsTool> tools(boolean allowRuns) {
        return ToolRegistry.make(ToolSelection.parse("all", null, false, allowRuns, Map.of()), () -> client,
                Clock.systemUTC());
    }

    AgentOsTool tool(String name, boolean allowRuns) {
        return tools(allowRuns).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** The answer's text without the size every answer ends with ("(≈ N tokens)"). */
    static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text().replaceFirst("\\n\\(≈ [0-9,]+ tokens\\)$", "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** Collects the events a call reports, as RequestControl would send them as progress. */
    static final class Recorder implements ScanControl {
        final List<String> events = new ArrayList<>();
        volatile boolean cancel;

        @Override
        public void event(long n, String message) {
            events.add(n + " " + message);
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }
    }

    @Test
    void runAgentIsOnlyOfferedWhenRunsAreAllowedAndSaysItWrites() {
        List<String> off = tools(false).stream().map(AgentOsTool::name).toList();
        assertFalse(off.contains("run_agent"), off.toString());
        assertTrue(off.contains("list_agents") && off.contains("check_traces"), off.toString());
        AgentOsTool run = tool("run_agent", true);
        McpSchema.ToolAnnotations a = run.definition().annotations();
        assertEquals(Boolean.FALSE, a.readOnlyHint());
        assertEquals(Boolean.TRUE, a.openWorldHint());
        assertEquals(Boolean.FALSE, a.idempotentHint());
        for (AgentOsTool t : tools(true)) {
            if (!t.name().equals("run_agent")) {
                assertEquals(Boolean.TRUE, t.definition().annotations().readOnlyHint(), t.name());
            }
        }
    }

    @Test
    void listAgentsShowsAgentsTeamsAndWorkflowsWithToolsAndMembers() {
        McpSchema.CallToolResult r = tool("list_agents", false).call(Map.of());
        assertFalse(r.isError(), text(r));
        String t = text(r);
        assertTrue(t.contains("agents (3):"), t);
        assertTrue(t.contains("math-agent \"Math Agent\" model=offline-sim-1 tools=add_numbers — Adds numbers with a tool."), t);
        assertTrue(t.contains("ops-agent \"Ops Agent\" model=offline-sim-2 tools=lookup_inventory,add_numbers"), t);
        assertTrue(t.contains("support-team \"Support Team\" model=offline-leader tools=delegate_task_to_member members=calculator"), t);
        assertTrue(t.contains("report-workflow \"Report Workflow\""), t);
        Map<String, Object> s = map(r.structuredContent());
        assertEquals(3, ((List<?>) s.get("agents")).size());
        assertEquals("21138089-9477-5cb5-98c0-fdc32ef6f1e0", map(((List<?>) s.get("workflows")).get(0)).get("db_id"));
    }

    @Test
    void aStreamedAgentRunReportsItsEventsThenItsOutputMetricsAndTrace() {
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "please add 7 and 8",
                "session_id", "cap-session-1", "user_id", "cap-user")).willReturn(RunStubs.sse("run_agent_stream.sse")));
        Recorder progress = new Recorder();
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("agent_id", "math-agent",
                "message", "please add 7 and 8", "session_id", "cap-session-1", "user_id", "cap-user"), progress);
        String t = text(r);
        assertFalse(r.isError(), t);
        assertTrue(t.startsWith("Ran agent math-agent: COMPLETED | run b29f72ef-28be-4398-bf3d-0e13b509c897 | session cap-session-1\n"), t);
        assertTrue(t.contains("output: The answer is 15.\n"), t);
        // tokens from the run API, with the cache and reasoning counts only its model events carry
        assertTrue(t.contains("metrics: 105 tokens (81 in, 24 out, cache read 0, cache write 0, reasoning 0) | first token 43.64ms | run 222.46ms"), t);
        assertTrue(t.contains("events: 10 (2 model calls; tools: add_numbers)"), t);
        assertTrue(t.contains("trace ed3aa93799c124dd136699395ca4581e: OK |"), t);
        assertTrue(t.contains("\ntime: LLM 92.26ms (38%), tools 0.35ms (0%), other 153.52ms (62%)\n"), t);
        assertTrue(t.contains("  AGENT Math_Agent.arun"), t);
        assertTrue(t.contains("    TOOL add_numbers"), t);
        assertEquals(List.of("1 RunStarted offline-sim-1", "2 ModelRequestStarted offline-sim-1", "3 ModelRequestCompleted",
                "4 ToolCallStarted add_numbers{\"a\":7,\"b\":8}", "5 ToolCallCompleted add_numbers",
                "6 ModelRequestStarted offline-sim-1", "7 ModelRequestCompleted", "8 RunContentCompleted", "9 RunCompleted"),
                progress.events);
        Map<String, Object> run = map(map(r.structuredContent()).get("run"));
        assertEquals("COMPLETED", run.get("status"));
        assertEquals(0L, map(run.get("metrics")).get("reasoning_tokens"));
        assertEquals("ed3aa93799c124dd136699395ca4581e", map(map(r.structuredContent()).get("trace")).get("trace_id"));
        server.verify(postRequestedFor(urlPathEqualTo("/agents/math-agent/runs"))
                .withHeader("Accept", equalTo("text/event-stream")));
    }

    @Test
    void aModelFailureAnsweredWithHttp200IsReportedAsAFailedRun() {
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "crash now", "user_id", "cap-user"))
                .willReturn(RunStubs.sse("run_agent_model_error_stream.sse")));
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("agent_id", "math-agent",
                "message", "crash now", "user_id", "cap-user"));
        String t = text(r);
        assertTrue(t.startsWith("Ran agent math-agent: ERROR | run bfb016cd-1e5c-4547-a922-deb13f4dd357"), t);
        assertTrue(t.contains("! error (model_provider_error): Simulated provider outage (HTTP 503) for prompt containing 'crash'"), t);
        assertFalse(t.contains("output:"), t);
        // the trace says OK on every span: the verdict still names the silent model failure
        assertTrue(t.contains("trace 74bda9e40dd9ceb8fbaede15750d09de: OK"), t);
        assertTrue(t.contains("returned no output and no token counts"), t);
        assertEquals("ERROR", map(map(r.structuredContent()).get("run")).get("status"));
    }

    @Test
    void aStreamedWorkflowRunListsItsStepsAndSumsTheirMetrics() {
        server.stubFor(RunStubs.run("workflows", "report-workflow", Map.of("message", "add 4 and 4", "user_id", "cap-user"))
                .willReturn(RunStubs.sse("run_workflow_stream.sse")));
        Recorder progress = new Recorder();
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("workflow_id", "report-workflow",
                "message", "add 4 and 4", "user_id", "cap-user"), progress);
        String t = text(r);
        assertTrue(t.startsWith("Ran workflow report-workflow: COMPLETED | run cae21a8d-c510-497a-a57c-e6cb1b6785af"), t);
        assertTrue(t.contains("metrics: 431 tokens (265 in, 166 out"), t);
        assertTrue(t.contains("steps: compute, check-stock, write-up"), t);
        assertTrue(t.contains("trace 0112de00844d8d1a5644fee62bdb807d: OK"), t);
        assertTrue(t.contains("output: Offline reply [002a391794]"), t);
        assertTrue(progress.events.contains("1 WorkflowStarted"), progress.events.toString());
        assertTrue(progress.events.stream().anyMatch(e -> e.endsWith("StepCompleted write-up")), progress.events.toString());
        assertTrue(progress.events.stream().noneMatch(e -> e.contains("RunContent ")), "content deltas are not progress");
    }

    @Test
    void anAgentOsThatAnswersWithOneJsonBodyIsReadAsAFinishedRun() {
        // the captured non-streamed reply of a run whose tool failed, served where a stream was asked for
        server.stubFor(RunStubs.run("agents", "ops-agent", Map.of("message", "is there stock of gears?", "user_id", "cap-user"))
                .willReturn(RunStubs.json200("run_agent_tool_fails.json")));
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("agent_id", "ops-agent",
                "message", "is there stock of gears?", "user_id", "cap-user"));
        String t = text(r);
        assertFalse(r.isError(), t);
        assertTrue(t.startsWith("Ran agent ops-agent: COMPLETED | run cf775cfe-5a1c-4ca4-83b1-4595b9ee511a"), t);
        assertTrue(t.contains("output: I tried to use a tool but it failed"), t);
        assertTrue(t.contains("metrics: 194 tokens (141 in, 53 out) | first token 79.74ms | run 209.05ms"), t);
        assertTrue(t.contains("! status OK, but 1 span failed; first: tool lookup_inventory"), t);
    }

    @Test
    void aBrokenOrUnfinishedStreamIsSaidSoNeverACrash() {
        String started = "event: RunStarted\ndata: {\"event\":\"RunStarted\",\"run_id\":\"139fc1f3-d293-40cd-88e7-0b6792ad8e03\"}\n\n";
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "cut")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(started)));
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("agent_id", "math-agent", "message", "cut",
                "wait_seconds", 0));
        String t = text(r);
        assertFalse(r.isError(), t);
        assertTrue(t.startsWith("Ran agent math-agent: INCOMPLETE | run 139fc1f3-d293-40cd-88e7-0b6792ad8e03\n"
                + "! the event stream ended before the run said it had finished\n"), t);
        assertTrue(t.contains("trace f2f1d87f097f6f058956aa8bd655df8c: OK"), t);
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "garbled")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(started + "event: RunContent\ndata: {not json\n\n")));
        r = tool("run_agent", true).call(Map.of("agent_id", "math-agent", "message", "garbled"));
        assertTrue(r.isError());
        assertEquals("AgentOS sent a run event that is not JSON ({not json).", text(r));
    }

    @Test
    void cancellingTheCallCancelsTheRunOnAgentOs() throws Exception {
        cancelAfter(1500); // the first events are in
    }

    @Test
    void cancellingAtOnceStillCancelsTheRunOnAgentOsOnceItSaysItsId() throws Exception {
        cancelAfter(0);
    }

    void cancelAfter(long delayMs) throws Exception {
        server.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "please add 7 and 8",
                "session_id", "cap-session-1", "user_id", "cap-user"))
                .willReturn(RunStubs.sse("run_agent_stream.sse").withChunkedDribbleDelay(20, 20_000)));
        server.stubFor(RunStubs.cancel("agents", "math-agent", "b29f72ef-28be-4398-bf3d-0e13b509c897")
                .willReturn(RunStubs.json200("cancel_finished_run.json")));
        Cancellations.started("run-1");
        McpSchema.CallToolRequest req = McpSchema.CallToolRequest.builder().name("run_agent").arguments(Map.of())
                .meta(Map.of(Cancellations.META_KEY, "run-1")).build();
        ScanControl control = RequestControl.of(null, req);
        Thread canceller = new Thread(() -> {
            try {
                while (server.getAllServeEvents().stream().noneMatch(e -> e.getRequest().getUrl().endsWith("/runs"))) {
                    Thread.sleep(20);
                }
                Thread.sleep(delayMs);
                Cancellations.cancel("run-1"); // what notifications/cancelled does
            } catch (InterruptedException ignored) {
                // test over
            }
        });
        canceller.start();
        long t0 = System.nanoTime();
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("agent_id", "math-agent",
                "message", "please add 7 and 8", "session_id", "cap-session-1", "user_id", "cap-user"), control);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        canceller.join();
        assertTrue(r.isError());
        assertEquals("The request was cancelled; no result.", text(r));
        assertTrue(ms < 10_000, "stopped waiting for the stream: " + ms + " ms");
        server.verify(postRequestedFor(urlPathEqualTo("/agents/math-agent/runs/b29f72ef-28be-4398-bf3d-0e13b509c897/cancel"))
                .withQueryParam("session_id", equalTo("cap-session-1")));
    }

    @Test
    void unknownIdsAreRefusedWithWhatAgentOsServes() {
        McpSchema.CallToolResult r = tool("run_agent", true).call(Map.of("agent_id", "no-such-agent", "message", "hi"));
        assertTrue(r.isError());
        assertEquals("no agent 'no-such-agent'; known: math-agent, ops-agent, writer-agent.", text(r));
        r = tool("check_traces", false).call(Map.of("latest", "nobody", "rules", Map.of("no_failed_spans", true)));
        assertTrue(r.isError());
        assertEquals("no agent, team or workflow 'nobody'; known: math-agent, ops-agent, writer-agent, support-team, "
                + "report-workflow.", text(r));
        r = tool("run_agent", true).call(Map.of("message", "hi"));
        assertEquals("Give exactly one of agent_id, team_id or workflow_id (list_agents shows them).", text(r));
    }

    @Test
    void readToolsWhoseIdFilterMatchesNothingSayWhatAgentOsServes() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/traces"))
                .withQueryParam("agent_id", equalTo("nobody")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                        .aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[],\"meta\":{\"page\":1,\"limit\":20,\"total_pages\":0,\"total_count\":0}}")));
        McpSchema.CallToolResult list = tool("list_traces", false).call(Map.of("agent_id", "nobody"));
        assertFalse(list.isError(), text(list));
        assertEquals("No traces match. No agent 'nobody'; known: math-agent, ops-agent, writer-agent.", text(list));
        McpSchema.CallToolResult latest = tool("latest_trace", false).call(Map.of("agent_id", "nobody"));
        assertTrue(latest.isError());
        assertEquals("No trace matches these filters; no agent 'nobody'; known: math-agent, ops-agent, writer-agent.",
                text(latest));
        // an agent AgentOS serves but that has not run yet: no hint, nothing is wrong with the id
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/traces"))
                .withQueryParam("agent_id", equalTo("writer-agent")).willReturn(com.github.tomakehurst.wiremock.client.WireMock
                        .aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":[],\"meta\":{\"page\":1,\"limit\":20,\"total_pages\":0,\"total_count\":0}}")));
        assertEquals("No traces match.", text(tool("list_traces", false).call(Map.of("agent_id", "writer-agent"))));
    }

    @Test
    void checkTracesGivesOneResultPerRuleAndTrace() {
        McpSchema.CallToolResult r = tool("check_traces", false).call(Map.of("latest", "ops-agent",
                "rules", Map.of("no_failed_spans", true, "max_tokens", 10_000, "tool_called", List.of("lookup_inventory(item=gears)"))));
        String t = text(r);
        assertFalse(r.isError(), t);
        assertTrue(t.startsWith("FAILED: 3 rules on 1 trace, 1 of 3 results failed\n"), t);
        assertTrue(t.contains("FAIL no_failed_spans | ab4b63ede4d9e5fba8c01f602ca74ce1 | observed 1 failed, first: tool lookup_inventory"), t);
        assertTrue(t.contains("pass tool_called lookup_inventory(item=gears) | ab4b63ede4d9e5fba8c01f602ca74ce1 | observed 1 call"), t);
        Map<String, Object> s = map(r.structuredContent());
        assertEquals(false, s.get("passed"));
        assertEquals(1L, s.get("failed"));
        McpSchema.CallToolResult bad = tool("check_traces", false).call(Map.of("latest", "ops-agent",
                "rules", Map.of("max_duration", "soon")));
        assertTrue(bad.isError());
        assertEquals("max_duration must be a duration such as 30s, 500ms or 2m, not 'soon'.", text(bad));
    }
}
