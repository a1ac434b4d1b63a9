package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class StatsCommandTest extends CliTestBase {

    @Test
    void threeSessionsTwentyOneTraces() {
        CliRun.Result r = ok("stats");
        assertEquals(String.join("\n",
                "Sessions 1-3 of 3, page 1/1, most recently active first",
                "sess-gamma | 8 traces | user=bob agent=ops-agent team=support-team | 2026-11-23T23:42:22.512393Z → 2026-11-23T23:42:25.122485Z",
                "sess-alpha | 7 traces | user=alice agent=ops-agent | 2026-11-23T23:42:20.435945Z → 2026-11-23T23:42:24.925348Z",
                "sess-beta | 6 traces | user=alice agent=ops-agent team=support-team | 2026-11-23T23:42:21.441764Z → 2026-11-23T23:42:24.317176Z",
                "Totals over all 3 sessions: 21 traces, 2026-11-23T23:42:20.435945Z → 2026-11-23T23:42:25.122485Z"),
                r.out().lines().limit(5).reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertTrue(r.out().endsWith("\nA session's traces: agentos-traces-mcp list --session-id <id>\n"), r.out());
        server.verify(1, getRequestedFor(urlPathEqualTo("/trace_session_stats")));
    }

    @Test
    void totalsEqualTheFixtureSum() {
        int sum = 0;
        for (JsonNode s : fixture("trace_session_stats.json").get("data")) {
            sum += s.get("total_traces").asInt();
        }
        assertEquals(21, sum);
        JsonNode j = json(ok("stats", "--json").out());
        assertEquals(3, j.get("total_count").asInt());
        assertEquals(3, j.get("sessions").size());
        assertEquals(3, j.get("totals").get("sessions").asInt());
        assertEquals(sum, j.get("totals").get("traces").asInt());
        assertEquals("sess-gamma", j.get("sessions").get(0).get("session_id").asText());
        assertEquals(8, j.get("sessions").get(0).get("total_traces").asInt());
    }

    @Test
    void byUser() {
        CliRun.Result r = ok("stats", "--user-id", "bob");
        assertTrue(r.out().startsWith("Sessions 1-1 of 1, page 1/1, most recently active first\n"
                + "sess-gamma | 8 traces | user=bob agent=ops-agent team=support-team | "), r.out());
        assertTrue(r.out().contains("\nTotals over all 1 session: 8 traces, "), r.out());
        server.verify(1, getRequestedFor(urlPathEqualTo("/trace_session_stats")).withQueryParam("user_id", equalTo("bob")));
    }

    @Test
    void filteredByAgentTheJsonCountsMatchTheFixture() {
        JsonNode j = json(ok("stats", "--agent-id", "math-agent", "--json").out());
        JsonNode f = fixture("trace_session_stats_agent.json");
        assertEquals(f.get("meta").get("total_count").asInt(), j.get("total_count").asInt());
        assertEquals(f.get("data").size(), j.get("sessions").size());
    }

    @Test
    void filtersTheRouteCannotApplyAreUsageErrors() {
        for (String flag : new String[] {"--session-id", "--run-id", "--status"}) {
            CliRun.Result r = cli("stats", flag, "OK");
            assertFails(ExitCodes.USAGE, r);
            assertTrue(r.err().contains("--user-id"), r::toString);
        }
        server.verify(0, getRequestedFor(urlPathEqualTo("/trace_session_stats")));
    }

    @Test
    void aLimitOutside1To100IsAUsageErrorAndSendsNothing() {
        assertFails(ExitCodes.USAGE, cli("stats", "--limit", "0"));
        assertFails(ExitCodes.USAGE, cli("stats", "--limit", "101"));
        server.verify(0, getRequestedFor(urlPathEqualTo("/trace_session_stats")));
    }
}
