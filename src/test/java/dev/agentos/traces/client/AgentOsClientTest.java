package dev.agentos.traces.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.testsupport.Stubs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint and every filter against the real AgentOS 2.9.0 bodies. The stub answers only the exact
 * request that was captured, so a wrong path, a wrong parameter name or an extra parameter fails here.
 */
class AgentOsClientTest {

    static WireMockServer server;
    static AgentOsClient client;

    @BeforeAll
    static void start() {
        server = Stubs.open();
        client = Stubs.client(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static TraceFilter filter(String field, String value) {
        TraceFilter.Builder b = TraceFilter.builder();
        switch (field) {
            case "run_id" -> b.runId(value);
            case "session_id" -> b.sessionId(value);
            case "user_id" -> b.userId(value);
            case "agent_id" -> b.agentId(value);
            case "team_id" -> b.teamId(value);
            case "status" -> b.status(value);
            default -> throw new IllegalArgumentException(field);
        }
        return b.build();
    }

    @Test
    void listsTracesNewestFirstWithPaginationMeta() {
        Page<TraceSummary> p = client.listTraces(TraceFilter.NONE, 1, 20);
        assertEquals(20, p.data().size());
        assertEquals(new Page.Meta(1, 20, 2, 21, p.meta().searchTimeMs()), p.meta());
        TraceSummary first = p.data().get(0);
        assertEquals("0809167314b7f072717716997a701ef0", first.traceId());
        assertEquals("Math_Agent.arun", first.name());
        assertEquals("add 1000 and 2000", first.input());
        assertEquals("math-agent", first.agentId());
        assertNull(first.teamId(), "absent fields are null");
        assertEquals(Instant.parse("2026-11-23T23:42:25.075897Z"), first.startTime());
        assertTrue(p.meta().hasNext());
    }

    @Test
    void pagesThroughWithLimitAndPage() {
        Page<TraceSummary> p1 = client.listTraces(TraceFilter.NONE, 1, 5);
        Page<TraceSummary> p2 = client.listTraces(TraceFilter.NONE, 2, 5);
        assertEquals(5, p1.meta().totalPages());
        assertEquals("8f29fd921a8dbbfdc3b19b0871115764", p2.data().get(2).traceId());
        assertTrue(p1.data().stream().noneMatch(p2.data()::contains));
        Page<TraceSummary> beyond = client.listTraces(TraceFilter.NONE, 99, 5);
        assertTrue(beyond.data().isEmpty());
        assertEquals(21, beyond.meta().totalCount());
    }

    @Test
    void everyFilterReachesTheServerUnderItsOwnName() {
        Map<String, Object[]> cases = Map.of(
                "session_id", new Object[] {"sess-gamma", 8},
                "user_id", new Object[] {"bob", 8},
                "agent_id", new Object[] {"ops-agent", 8},
                "team_id", new Object[] {"support-team", 2},
                "status", new Object[] {"ERROR", 0},
                "run_id", new Object[] {"5d4c5cec-293d-4ca2-b199-2395ffd38bdd", 1});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Page<TraceSummary> p = client.listTraces(filter(c.getKey(), (String) c.getValue()[0]), 1, 20);
            assertEquals(((Integer) c.getValue()[1]).longValue(), p.meta().totalCount(), c.getKey());
            server.verify(getRequestedFor(urlPathEqualTo("/traces")).withQueryParam(c.getKey(), equalTo((String) c.getValue()[0])));
        }
        assertEquals("16a3d91143cd09bae7f87594b93c261c",
                client.findByRunId("5d4c5cec-293d-4ca2-b199-2395ffd38bdd", null).orElseThrow().traceId());
        for (TraceSummary t : client.listTraces(filter("team_id", "support-team"), 1, 20).data()) {
            assertEquals("support-team", t.teamId());
            assertNull(t.agentId(), "a team trace carries team_id, not its members' ids");
        }
    }

    @Test
    void statusOkWithLimitAndATimeWindow() {
        assertEquals(3, client.listTraces(filter("status", "ok"), 1, 3).data().size(), "status is upper-cased");
        TraceFilter window = TraceFilter.builder().startTime(Instant.parse("2026-11-23T23:42:20.387562Z"))
                .endTime(Instant.parse("2026-11-23T23:42:25.281183Z")).build();
        Page<TraceSummary> p = client.listTraces(window, 1, 3);
        assertEquals(3, p.data().size());
        server.verify(getRequestedFor(urlPathEqualTo("/traces"))
                .withQueryParam("start_time", equalTo("2026-11-23T23:42:20.387562Z"))
                .withQueryParam("end_time", equalTo("2026-11-23T23:42:25.281183Z")));
    }

    @Test
    void aTraceWithItsTreeAndPreciseDurations() {
        TraceDetail d = client.getTrace("16a3d91143cd09bae7f87594b93c261c", null);
        assertEquals("OK", d.summary().status());
        assertEquals(1, d.summary().errorCount());
        assertEquals(Duration.ofNanos(203_652_000), d.summary().duration(), "from the timestamps, not \"203.0164...ms\"");
        assertTrue(d.output().startsWith("I tried to use a tool but it failed"));
        assertNull(d.error());
        TraceNode root = d.tree().get(0);
        assertEquals("AGENT", root.type());
        assertEquals(143L, root.totalInputTokens());
        assertEquals(52L, root.totalOutputTokens());
        TraceNode llm = root.spans().get(0);
        assertEquals("offline-sim-2", llm.model());
        assertEquals(61L, llm.inputTokens());
        assertEquals(20L, llm.outputTokens());
        assertEquals(Duration.ofNanos(42_310_000), llm.duration());
        TraceNode tool = root.spans().get(1);
        assertEquals("lookup_inventory", tool.toolName());
        assertTrue(tool.failed());
        assertNull(tool.output(), "a failed span has no output");
        assertEquals("Inventory service unavailable for item 'nuts' (simulated outage)", tool.error());
    }

    @Test
    void teamPlainAndModelErrorTraces() {
        TraceDetail team = client.getTrace("adeaf270dc73dcf3839ce972cfb6779f", null);
        assertEquals("TEAM", team.tree().get(0).type());
        int[] spans = {0};
        team.forEachSpan(n -> spans[0]++);
        assertEquals(team.summary().totalSpans(), spans[0]);
        assertEquals(2, client.getTrace("8833672188af9c797b222c0dc6f831a2", null).summary().totalSpans());
        TraceDetail crash = client.getTrace("469f4c784c3af13a30c8322e6fe66073", null);
        assertEquals("Simulated provider outage (HTTP 503) for prompt containing 'crash'", crash.output());
        assertNull(crash.tree().get(0).spans().get(0).inputTokens());
    }

    @Test
    void singleSpans() {
        String trace = "0809167314b7f072717716997a701ef0";
        TraceNode agent = client.getSpan(trace, "f71b6c801222c261", null);
        assertEquals("AGENT", agent.type());
        assertEquals("e313874f-4305-4a0a-9b4f-d6e359012fe5", agent.runId());
        assertTrue(agent.spans().isEmpty());
        TraceNode llm = client.getSpan(trace, "e782b3e3efcb7ce8", null);
        assertEquals(422, llm.input().length());
        assertEquals(38L, llm.inputTokens());
        TraceNode tool = client.getSpan(trace, "d05b5babd6c43e1e", null);
        assertEquals("add_numbers", tool.toolName());
        assertEquals("{\"a\": 1000, \"b\": 2000}", tool.metadata().get("parameters"));
        TraceNode failed = client.getSpan("16a3d91143cd09bae7f87594b93c261c", "9b8c76d6e3668c78", null);
        assertTrue(failed.failed());
        TraceNode member = client.getSpan("adeaf270dc73dcf3839ce972cfb6779f", "4d003261805d221b", null);
        assertEquals("Calculator.arun", member.name());
        server.verify(getRequestedFor(urlPathEqualTo("/traces/" + trace)).withQueryParam("span_id", equalTo("e782b3e3efcb7ce8")));
    }

    @Test
    void sessionStatsWithEveryFilterAndPage() {
        Page<SessionStats> all = client.sessionStats(TraceFilter.NONE, 1, 20);
        assertEquals(3, all.meta().totalCount());
        assertEquals(List.of("sess-gamma", "sess-alpha", "sess-beta"), all.data().stream().map(SessionStats::sessionId).toList());
        assertEquals(8, all.data().get(0).totalTraces());
        assertEquals(List.of("sess-gamma"), client.sessionStats(filter("user_id", "bob"), 1, 20).data().stream()
                .map(SessionStats::sessionId).toList());
        Page<SessionStats> second = client.sessionStats(TraceFilter.NONE, 2, 1);
        assertEquals("sess-alpha", second.data().get(0).sessionId());
        assertEquals(3, second.meta().totalPages());
        assertTrue(client.sessionStats(filter("agent_id", "math-agent"), 1, 20).meta().totalCount() > 0);
        TraceFilter window = TraceFilter.builder().startTime(Instant.parse("2026-11-23T23:42:20.387562Z"))
                .endTime(Instant.parse("2026-11-23T23:42:25.281183Z")).build();
        assertTrue(client.sessionStats(window, 1, 20).meta().totalCount() > 0);
        server.verify(getRequestedFor(urlPathEqualTo("/trace_session_stats")).withQueryParam("user_id", equalTo("bob")));
    }

    @Test
    void filterSchemaListsThirteenFields() {
        FilterSchema s = client.filterSchema(null);
        assertEquals(13, s.fields().size());
        assertEquals(List.of("OK", "ERROR"), s.fields().get(0).values());
        assertTrue(s.fields().get(1).values().isEmpty(), "values: null becomes an empty list");
        assertEquals("duration_ms", s.fields().get(9).key());
        assertEquals(List.of("AND", "OR"), s.logicalOperators());
    }

    @Test
    void searchByFilterExpressionsAndBySession() {
        Map<String, Object> ok = Map.of("op", "EQ", "key", "status", "value", "OK");
        Page<TraceDetail> runs = client.searchRuns(ok, 1, 2, null);
        assertEquals(2, runs.data().size());
        assertTrue(!runs.data().get(0).tree().isEmpty(), "search returns whole traces");
        Map<String, Object> and = Map.of("op", "AND", "conditions", List.of(
                Map.of("op", "EQ", "key", "user_id", "value", "bob"),
                Map.of("op", "CONTAINS", "key", "agent_id", "value", "ops")));
        for (TraceDetail d : client.searchRuns(and, 1, 5, null).data()) {
            assertEquals("bob", d.summary().userId());
            assertEquals("ops-agent", d.summary().agentId());
        }
        Page<SessionStats> sessions = client.searchSessions(Map.of("op", "CONTAINS", "key", "agent_id", "value", "math"), 1, 20, null);
        assertTrue(sessions.meta().totalCount() > 0);
        assertEquals(1, client.searchRuns(null, 1, 1, null).data().size());
        assertEquals(22, client.searchRuns(null, 1, 100, null).meta().totalCount());
        Page<TraceDetail> slow = client.searchRuns(Map.of("op", "GT", "key", "duration_ms", "value", 200), 1, 2, null);
        assertTrue(slow.data().stream().allMatch(d -> d.summary().duration().toMillis() >= 200));
    }
}
