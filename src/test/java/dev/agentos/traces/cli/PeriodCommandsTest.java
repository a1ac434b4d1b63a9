package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.traces.testsupport.SearchingAgentOs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anomalies and trend from the command line, over the captured runs of 2026-11-23 and 2026-11-30. */
class PeriodCommandsTest {

    static SearchingAgentOs agentOs;
    static final String[] WEEK_APART = {"--since", "2026-11-30T00:00:00Z", "--until", "2026-11-30T12:00:00Z",
            "--baseline-start", "2026-11-23T00:00:00Z", "--baseline-end", "2026-11-24T00:00:00Z"};

    @BeforeAll
    static void start() throws Exception {
        agentOs = new SearchingAgentOs(SearchingAgentOs.capturedTraces());
    }

    @AfterAll
    static void stop() {
        agentOs.close();
    }

    static String[] args(String command, String... more) {
        String[] a = new String[1 + WEEK_APART.length + more.length];
        a[0] = command;
        System.arraycopy(WEEK_APART, 0, a, 1, WEEK_APART.length);
        System.arraycopy(more, 0, a, 1 + WEEK_APART.length, more.length);
        return a;
    }

    static CliRun.Result ok(CliRun.Result r) {
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    @Test
    void anomaliesListsTheUnusualRunsWithCommandsToLookCloser() throws Exception {
        CliRun.Result r = ok(CliRun.at(agentOs.baseUrl(), args("anomalies")));
        assertTrue(r.out().startsWith("3 unusual of 8 runs in the window, against 22 baseline runs (given)."), r::toString);
        assertTrue(r.out().contains("Details: agentos-traces-mcp get <id>"), r::toString);
        JsonNode j = new ObjectMapper().readTree(ok(CliRun.at(agentOs.baseUrl(), args("anomalies", "--json",
                "--max-runs", "2"))).out());
        assertEquals(2, j.get("flagged").size());
        assertEquals(3, j.get("flagged_total").asInt());
        CliRun.Result runId = CliRun.at(agentOs.baseUrl(), "anomalies", "--run-id", "x");
        assertEquals(2, runId.code(), runId::toString);
        CliRun.Result overlap = CliRun.at(agentOs.baseUrl(), "anomalies", "--since", "2026-11-23T12:00:00Z",
                "--baseline-end", "2026-11-24T00:00:00Z");
        assertEquals(2, overlap.code(), overlap::toString);
        assertTrue(overlap.err().startsWith("error: The baseline ("), overlap::toString);
    }

    @Test
    void trendDrawsASparklineAtATerminalAndWritesAChartPage(@TempDir Path dir) throws Exception {
        CliRun.Result r = ok(CliRun.onTerminal(Map.of("AGENTOS_URL", agentOs.baseUrl(), "NO_COLOR", "1"),
                args("trend", "--group-by", "day")));
        assertTrue(r.out().contains("tokens per day: "), r::toString);
        assertTrue(r.out().contains("2026-11-23 baseline: 22 runs, "), r::toString);
        assertTrue(r.out().contains("agent math-agent: runs 12 → 4 (-66.7%) !"), r::toString);
        CliRun.Result piped = ok(CliRun.at(agentOs.baseUrl(), args("trend", "--group-by", "day")));
        assertTrue(!piped.out().contains("tokens per day: "), "no sparkline in a pipe");
        Path page = dir.resolve("trend.html");
        CliRun.Result html = ok(CliRun.at(agentOs.baseUrl(), args("trend", "--html", page.toString())));
        assertTrue(html.err().contains("Chart written to " + page), html::toString);
        String s = Files.readString(page);
        assertTrue(s.contains("\"period\":\"window\""), "the daily series is in the page");
        assertEquals(2, CliRun.at(agentOs.baseUrl(), "trend", "--group-by", "week").code());
    }

    @Test
    void eachCommandsJsonIsItsToolsStructuredContent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> windows = Map.of("start_time", "2026-11-30T00:00:00Z", "end_time", "2026-11-30T12:00:00Z",
                "baseline_start", "2026-11-23T00:00:00Z", "baseline_end", "2026-11-24T00:00:00Z");
        for (String[] pair : new String[][] {{"anomalies", "find_anomalies"}, {"trend", "compare_periods"}}) {
            JsonNode cli = json.readTree(ok(CliRun.at(agentOs.baseUrl(), args(pair[0], "--json"))).out());
            var r = dev.agentos.traces.mcp.ToolCalls.call(agentOs.baseUrl(), CliRun.CLOCK, pair[1], windows);
            com.fasterxml.jackson.databind.node.ObjectNode mcp = (com.fasterxml.jackson.databind.node.ObjectNode) json
                    .readTree(dev.agentos.traces.client.Json.MAPPER.writeValueAsString(r.structuredContent()));
            mcp.remove("_meta");
            assertEquals(mcp, cli, pair[0]);
        }
    }
}
