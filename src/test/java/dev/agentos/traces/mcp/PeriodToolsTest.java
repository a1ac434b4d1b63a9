package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.testsupport.SearchingAgentOs;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * find_anomalies and compare_periods on real captured traces: the 22 runs of 2026-11-23 and the 8 of 2026-11-30,
 * served by a search route that applies the time windows. Every figure is checked against the raw JSON and
 * against total_tokens / find_errors on the same window.
 */
class PeriodToolsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T04:00:00Z"), ZoneOffset.UTC);
    static final String BASE_START = "2026-11-23T00:00:00Z";
    static final String BASE_END = "2026-11-24T00:00:00Z";
    static final String WIN_START = "2026-11-30T00:00:00Z";
    static final String WIN_END = "2026-11-30T12:00:00Z";

    static SearchingAgentOs agentOs;
    static AgentOsClient client;
    static Map<String, AgentOsTool> tools = new HashMap<>();
    static List<JsonNode> traces;

    @BeforeAll
    static void start() throws Exception {
        traces = SearchingAgentOs.capturedTraces();
        agentOs = new SearchingAgentOs(traces);
        client = AgentOsClient.create(ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()));
        for (AgentOsTool t : ServerAssembly.tools(() -> client, CLOCK)) {
            tools.put(t.name(), t);
        }
    }

    @AfterAll
    static void stop() {
        agentOs.close();
    }

    static CallToolResult call(String tool, Map<String, Object> args) {
        return tools.get(tool).call(args);
    }

    static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult r) {
        assertFalse(r.isError(), () -> text(r));
        return (Map<String, Object>) r.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static long num(Object o) {
        return ((Number) o).longValue();
    }

    // ---- figures straight from the captured JSON ---------------------------------------------------

    static String component(JsonNode t) {
        return t.has("agent_id") ? "agent " + t.get("agent_id").asText()
                : t.has("team_id") ? "team " + t.get("team_id").asText() : "workflow " + t.get("workflow_id").asText();
    }

    static Predicate<JsonNode> within(String from, String to) {
        return t -> !Instant.parse(t.get("start_time").asText()).isBefore(Instant.parse(from))
                && !Instant.parse(t.get("end_time").asText()).isAfter(Instant.parse(to));
    }

    static void spans(JsonNode n, java.util.function.Consumer<JsonNode> f) {
        f.accept(n);
        n.path("spans").forEach(c -> spans(c, f));
    }

    static long tokens(JsonNode t) {
        long[] sum = {0};
        t.get("tree").forEach(r -> spans(r, s -> {
            if ("LLM".equals(s.get("type").asText())) {
                sum[0] += s.path("metadata").path("input_tokens").asLong() + s.path("metadata").path("output_tokens").asLong();
            }
        }));
        return sum[0];
    }

    static long micros(JsonNode t) {
        return Duration.between(Instant.parse(t.get("start_time").asText()), Instant.parse(t.get("end_time").asText()))
                .toNanos() / 1000;
    }

    /** Per component: {runs, total tokens, tokens p50, tokens p95, duration p50 µs, duration p95 µs}. */
    static Map<String, long[]> raw(Predicate<JsonNode> in) {
        Map<String, List<JsonNode>> by = new TreeMap<>();
        for (JsonNode t : traces) {
            if (in.test(t)) {
                by.computeIfAbsent(component(t), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, long[]> out = new TreeMap<>();
        by.forEach((k, ts) -> {
            long[] tok = ts.stream().mapToLong(PeriodToolsTest::tokens).sorted().toArray();
            long[] dur = ts.stream().mapToLong(PeriodToolsTest::micros).sorted().toArray();
            out.put(k, new long[] {ts.size(), Arrays.stream(tok).sum(), rank(tok, 50), rank(tok, 95), rank(dur, 50),
                    rank(dur, 95)});
        });
        return out;
    }

    static long rank(long[] sorted, int p) {
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

    // ---- compare_periods ---------------------------------------------------------------------------

    @Test
    void comparePeriodsGivesExactFiguresAndDeltasPerComponent() {
        Map<String, Object> m = structured(call("compare_periods", Map.of("start_time", WIN_START, "end_time", WIN_END,
                "baseline_start", BASE_START, "baseline_end", BASE_END)));
        Map<String, long[]> before = raw(within(BASE_START, BASE_END));
        Map<String, long[]> after = raw(within(WIN_START, WIN_END));
        assertEquals(22, num(map(m.get("baseline")).get("traces_read")));
        assertEquals(8, num(map(m.get("window")).get("traces_read")));
        List<Map<String, Object>> comps = list(m.get("components"));
        java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        assertEquals(keys.size(), comps.size());
        for (Map<String, Object> c : comps) {
            String k = (String) c.get("key");
            check(before.get(k), map(c.get("before")), k + " baseline");
            check(after.get(k), map(c.get("after")), k + " window");
        }
        Map<String, Object> math = comps.stream().filter(c -> c.get("key").equals("agent math-agent")).findFirst()
                .orElseThrow();
        // 12 runs -> 4 runs: -66.7 %, marked; total tokens 1089 -> 208
        assertEquals(-66.7, ((Number) map(math.get("changed")).get("runs")).doubleValue(), 1e-9);
        assertEquals(Math.round(1000.0 * (after.get("agent math-agent")[1] - before.get("agent math-agent")[1])
                / before.get("agent math-agent")[1]) / 10.0, ((Number) map(math.get("changed")).get("total_tokens")).doubleValue(), 1e-9);
        Map<String, Object> workflow = comps.stream().filter(c -> c.get("key").equals("workflow report-workflow"))
                .findFirst().orElseThrow();
        assertNull(workflow.get("before"), "a workflow first run in the window");
        String text = text(call("compare_periods", Map.of("start_time", WIN_START, "end_time", WIN_END,
                "baseline_start", BASE_START, "baseline_end", BASE_END)));
        assertTrue(text.contains("agent math-agent: runs 12 → 4 (-66.7%) !"), text);
        assertTrue(text.contains("workflow report-workflow: new, 2 runs in the window"), text);
    }

    static void check(long[] expected, Map<String, Object> actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertEquals(expected[0], num(actual.get("runs")), what + " runs");
        assertEquals(expected[1], num(actual.get("total_tokens")), what + " total tokens");
        assertEquals(expected[2], num(actual.get("tokens_p50")), what + " tokens p50");
        assertEquals(expected[3], num(actual.get("tokens_p95")), what + " tokens p95");
        assertEquals(expected[4] / 1000.0, ((Number) actual.get("duration_p50_ms")).doubleValue(), 1e-9, what + " p50");
        assertEquals(expected[5] / 1000.0, ((Number) actual.get("duration_p95_ms")).doubleValue(), 1e-9, what + " p95");
    }

    @Test
    void everyPeriodFigureIsWhatTotalTokensAndFindErrorsSayOnTheSameWindow() {
        Map<String, Object> m = structured(call("compare_periods", Map.of("start_time", WIN_START, "end_time", WIN_END,
                "baseline_start", BASE_START, "baseline_end", BASE_END)));
        for (Map<String, Object> c : list(m.get("components"))) {
            String k = (String) c.get("key");
            if (c.get("before") == null) {
                continue;
            }
            String[] kv = k.split(" ", 2);
            Map<String, Object> args = Map.of(kv[0] + "_id", kv[1], "start_time", BASE_START, "end_time", BASE_END);
            Map<String, Object> tokens = structured(call("total_tokens", args));
            assertEquals(num(tokens.get("total_tokens")), num(map(c.get("before")).get("total_tokens")), k);
            Map<String, Object> errors = structured(call("find_errors", args));
            assertEquals(num(errors.get("traces_with_errors")), num(map(c.get("before")).get("error_runs")), k);
            assertEquals(num(errors.get("traces_scanned")), num(map(c.get("before")).get("runs")), k);
            // durations: the root span of every run is the run (same timestamps), so slow_spans has them
            Map<String, Object> slow = structured(call("slow_spans", new HashMap<>(Map.of(kv[0] + "_id", kv[1],
                    "start_time", BASE_START, "end_time", BASE_END, "top", 100))));
            Map<String, Object> roots = list(slow.get("by_span")).stream()
                    .filter(r -> r.get("type").equals(kv[0].toUpperCase(java.util.Locale.ROOT))).findFirst().orElseThrow();
            assertEquals(num(roots.get("count")), num(map(c.get("before")).get("runs")), k + " one root span per run");
            assertEquals(roots.get("p50_ms"), map(c.get("before")).get("duration_p50_ms"), k);
            assertEquals(roots.get("p95_ms"), map(c.get("before")).get("duration_p95_ms"), k);
        }
        Map<String, Object> all = structured(call("total_tokens", Map.of("start_time", WIN_START, "end_time", WIN_END)));
        assertEquals(num(all.get("total_tokens")), num(map(map(m.get("total")).get("after")).get("total_tokens")));
    }

    @Test
    void byDayGivesOneRowPerDayOfEitherPeriod() {
        Map<String, Object> m = structured(call("compare_periods", Map.of("start_time", WIN_START, "end_time", WIN_END,
                "baseline_start", "2026-11-22T00:00:00Z", "baseline_end", BASE_END, "group_by", "day")));
        List<Map<String, Object>> days = list(m.get("days"));
        assertEquals(List.of("2026-11-22 baseline", "2026-11-23 baseline", "2026-11-30 window"),
                days.stream().map(d -> d.get("day") + " " + d.get("period")).toList());
        assertEquals(0, num(days.get(0).get("runs")));
        assertEquals(22, num(days.get(1).get("runs")));
        long all = traces.stream().filter(within(BASE_START, BASE_END)).mapToLong(PeriodToolsTest::tokens).sum();
        assertEquals(all, num(days.get(1).get("total_tokens")));
        assertEquals(8, num(days.get(2).get("runs")));
    }

    @Test
    void theDefaultBaselineIsAsLongAsTheWindowRightBeforeIt() {
        Map<String, Object> m = structured(call("compare_periods", Map.of()));
        assertEquals("2026-11-29T04:00:00Z", map(m.get("window")).get("window_start"));
        assertNull(map(m.get("window")).get("window_end"), "up to now, as total_tokens start_time=24h reads");
        assertEquals("2026-11-28T04:00:00Z", map(m.get("baseline")).get("window_start"));
        assertEquals("2026-11-29T04:00:00Z", map(m.get("baseline")).get("window_end"));
        assertEquals("as long as the window, right before it", m.get("baseline_rule"));
        Map<String, Object> old = structured(call("compare_periods", Map.of("end_time", "2026-11-24T00:00:00Z")));
        assertEquals("2026-11-23T00:00:00Z", map(old.get("window")).get("window_start"), "24 h before the end given");
        assertEquals(22, num(map(old.get("window")).get("traces_read")));
        assertEquals("2026-11-22T00:00:00Z", map(old.get("baseline")).get("window_start"));
    }

    @Test
    void overlappingOrBackwardWindowsAreRefusedWithWhatToDo() {
        CallToolResult overlap = call("compare_periods", Map.of("start_time", "2026-11-29T00:00:00Z",
                "baseline_start", "2026-11-28T00:00:00Z", "baseline_end", "2026-11-29T12:00:00Z"));
        assertTrue(overlap.isError());
        assertTrue(text(overlap).contains("overlaps the window"), text(overlap));
        CallToolResult backward = call("find_anomalies", Map.of("baseline_start", "2026-11-29T00:00:00Z",
                "baseline_end", "2026-11-28T00:00:00Z"));
        assertTrue(text(backward).contains("must be before"), text(backward));
        assertTrue(call("compare_periods", Map.of("group_by", "week")).isError());
    }

    // ---- find_anomalies ----------------------------------------------------------------------------

    @Test
    void findAnomaliesOnTheCapturedRunsFlagsTheSlowAndTheSilentlyFailedRunsOfMathAgent() {
        CallToolResult r = call("find_anomalies", Map.of());
        Map<String, Object> m = structured(r);
        assertEquals("7 days, right before it", m.get("baseline_rule"));
        assertEquals("2026-11-22T04:00:00Z", map(m.get("baseline")).get("window_start"));
        assertEquals(22, num(m.get("baseline_runs")));
        assertEquals(8, num(m.get("window_runs")));
        List<Map<String, Object>> flagged = list(m.get("flagged"));
        assertEquals(List.of("74bda9e40dd9ceb8fbaede15750d09de", "f6479b5655c69c305f7f82c361bbfeca",
                "f2f1d87f097f6f058956aa8bd655df8c"), flagged.stream().map(f -> f.get("trace_id")).toList(),
                "two runs whose model call failed (0 tokens), then the 456 ms one");
        Map<String, Object> zero = list(flagged.get(0).get("metrics")).get(0);
        assertEquals("tokens", zero.get("metric"));
        assertEquals(0.0, ((Number) zero.get("value")).doubleValue());
        // math-agent's 12 baseline runs: tokens 0 67 73 103 103 103 103 105 105 108 108 111
        assertEquals(103.0, ((Number) zero.get("baseline_median")).doubleValue());
        assertEquals(3.5, ((Number) zero.get("baseline_mad")).doubleValue());
        assertEquals(Math.round(-103 / (1.4826 * 3.5) * 100) / 100.0, ((Number) zero.get("z")).doubleValue(), 1e-9);
        Map<String, Object> slow = list(flagged.get(2).get("metrics")).get(0);
        assertEquals("duration_ms", slow.get("metric"));
        long[] durations = traces.stream().filter(within(BASE_START, BASE_END))
                .filter(t -> "math-agent".equals(t.path("agent_id").asText())).mapToLong(PeriodToolsTest::micros).sorted()
                .toArray();
        assertEquals(12, durations.length);
        assertEquals((durations[5] + durations[6]) / 2 / 1000.0, ((Number) slow.get("baseline_median")).doubleValue(), 0.0011);

        Map<String, Map<String, Object>> groups = new TreeMap<>();
        list(m.get("groups")).forEach(g -> groups.put((String) g.get("component"), g));
        assertEquals(Boolean.TRUE, groups.get("agent math-agent").get("verdict"));
        assertEquals(Boolean.FALSE, groups.get("agent ops-agent").get("verdict"), "8 baseline runs: numbers only");
        assertEquals(8, num(groups.get("agent ops-agent").get("baseline_runs")));
        assertEquals(0, num(groups.get("workflow report-workflow").get("baseline_runs")));
        assertEquals(List.of("offline-writer"), list(m.get("new_models")).stream().map(n -> n.get("name")).toList());
        assertEquals("92c18b7f3da94eaecdc2540ccc54a5f9", list(m.get("new_models")).get(0).get("first_trace_id"),
                "the workflow's earlier run");
        assertTrue(list(m.get("new_errors")).isEmpty(), "lookup_inventory failed the same way a week before");
        assertTrue(list(m.get("new_tools")).isEmpty());

        String text = text(r);
        assertTrue(text.startsWith("3 unusual of 8 runs in the window, against 22 baseline runs (7 days, right before it)."),
                text);
        assertTrue(text.contains("1. agent math-agent 74bda9e40dd9ceb8fbaede15750d09de 2026-11-30T03:38:29.526512Z: "
                + "tokens 0 vs median 103 (0.00×, z -19.8)"), text);
        assertTrue(text.contains("agent ops-agent: 8 → 1 runs, small baseline (under 10 runs): no verdict"), text);
        assertTrue(text.contains("workflow report-workflow: 0 → 2 runs, new: no baseline"), text);
        assertTrue(text.contains("New model: offline-writer (2 runs of workflow report-workflow; first "
                + "92c18b7f3da94eaecdc2540ccc54a5f9)"), text);
        assertTrue(text.contains("How: per agent/team/workflow, median and MAD"), text);
        assertTrue(text.contains("baseline window: 2026-11-22T04:00:00Z → 2026-11-29T04:00:00Z; 22 traces read"), text);
        assertTrue(text.length() < 16_000);
    }

    @Test
    void aScanReadsEachWindowOnceAndSaysSo() {
        int before = agentOs.searches.get();
        Map<String, Object> m = structured(call("find_anomalies", Map.of("agent_id", "math-agent", "max_runs", 1)));
        assertEquals(2, agentOs.searches.get() - before, "one search page per window");
        assertEquals(1, list(m.get("flagged")).size());
        assertEquals(3, num(m.get("flagged_total")));
        assertEquals(2, num(m.get("flagged_omitted")));
        assertTrue(text(call("find_anomalies", Map.of("agent_id", "math-agent", "max_runs", 1)))
                .contains("…[2 more not shown; raise max_runs]"));
        Map<String, Object> capped = structured(call("find_anomalies", Map.of("max_traces", 5)));
        assertEquals(Boolean.TRUE, map(capped.get("baseline")).get("truncated"));
        assertEquals(5, num(capped.get("baseline_runs")));
    }

    @Test
    void progressCountsBothWindowsAndACancelStopsBeforeTheNextRequest() {
        List<long[]> seen = new ArrayList<>();
        dev.agentos.traces.query.ScanControl record = new dev.agentos.traces.query.ScanControl() {
            @Override
            public void progress(long done, long total) {
                seen.add(new long[] {done, total});
            }
        };
        dev.agentos.traces.query.PeriodScan.Periods p = dev.agentos.traces.query.PeriodScan.resolve(
                new dev.agentos.traces.client.TraceFilter(null, null, null, null, null, null, null,
                        Instant.parse(WIN_START), null, null), Instant.parse(BASE_START), Instant.parse(BASE_END), null,
                CLOCK.instant());
        dev.agentos.traces.query.PeriodQueries.trend(client, p, 1000, false, CLOCK.instant(), record);
        assertEquals(List.of("22/22", "30/30"), seen.stream().map(v -> v[0] + "/" + v[1]).toList(),
                "the window's traces counted after the baseline's");
        int before = agentOs.searches.get();
        int[] checks = {0};
        dev.agentos.traces.query.ScanControl cancelAfterBaseline = new dev.agentos.traces.query.ScanControl() {
            @Override
            public boolean cancelled() {
                return checks[0]++ > 0;
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(dev.agentos.traces.query.ScanControl.Cancelled.class,
                () -> dev.agentos.traces.query.PeriodQueries.anomalies(client, p, 1000, CLOCK.instant(), cancelAfterBaseline));
        assertEquals(1, agentOs.searches.get() - before, "the window was never asked for");
    }

    @Test
    void whatAModelReadsIsPinnedByGoldenFiles() {
        dev.agentos.traces.testsupport.Golden.assertMatches("golden/anomalies_week.txt",
                text(call("find_anomalies", Map.of())));
        dev.agentos.traces.testsupport.Golden.assertMatches("golden/trend_week.txt", text(call("compare_periods",
                Map.of("start_time", WIN_START, "end_time", WIN_END, "baseline_start", BASE_START, "baseline_end", BASE_END,
                        "group_by", "day"))));
    }

    // ---- bounded output ----------------------------------------------------------------------------

    /** 1,200 runs of 300 agents calling 150 models, spread over 400 days, from one captured trace. */
    static List<JsonNode> many() throws Exception {
        JsonNode template = traces.get(1); // a math-agent run: 2 LLM calls and a tool call
        List<JsonNode> out = new ArrayList<>();
        Instant t0 = Instant.parse("2025-10-25T00:00:00Z");
        for (int i = 0; i < 1200; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode t = template.deepCopy();
            Instant start = t0.plus(Duration.ofMinutes(480L * i));
            t.put("trace_id", String.format("%032x", i)).put("agent_id", "agent-" + (i % 300) + "-" + "x".repeat(60))
                    .put("start_time", start.toString()).put("end_time", start.plusMillis(100 + i % 7 * (i % 13 == 0 ? 900 : 10)).toString());
            int k = i;
            spans(t.get("tree").get(0), s -> {
                if ("LLM".equals(s.get("type").asText())) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) s.get("metadata")).put("model", "model-" + (k % 150))
                            .put("input_tokens", 100 + k % 17 * (k % 11 == 0 ? 50 : 1));
                }
                if ("TOOL".equals(s.get("type").asText()) && k % 5 == 0) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) s).put("status", "ERROR")
                            .put("error", "failure number " + k + " of kind '" + "k".repeat(k % 40) + "' " + (k % 97 == 0 ? "new" : ""));
                }
            });
            out.add(t);
        }
        return out;
    }

    @Test
    void bothToolsStayWithinTheTextBudgetOverManyAgentsModelsAndDays() throws Exception {
        try (SearchingAgentOs big = new SearchingAgentOs(many())) {
            AgentOsClient c = AgentOsClient.create(ConnectionOptions.resolve(big.baseUrl(), null, null, null, null, Map.of()));
            Map<String, AgentOsTool> ts = new HashMap<>();
            for (AgentOsTool t : ServerAssembly.tools(() -> c, CLOCK)) {
                ts.put(t.name(), t);
            }
            Map<String, Object> periods = Map.of("start_time", "2026-06-01T00:00:00Z", "baseline_start", "2025-10-01T00:00:00Z",
                    "group_by", "day");
            CallToolResult trend = ts.get("compare_periods").call(periods);
            Map<String, Object> m = structured(trend);
            assertTrue(text(trend).length() <= dev.agentos.traces.render.Text.BUDGET, "" + text(trend).length());
            assertEquals(20, list(m.get("components")).size());
            assertEquals(280, num(m.get("components_omitted")), "300 agents in one period or the other");
            assertTrue(list(m.get("days")).size() <= dev.agentos.traces.render.TrendView.MAX_DAYS);
            assertTrue(Json.MAPPER.writeValueAsString(m).length() < 200_000);
            CallToolResult anomalies = ts.get("find_anomalies").call(Map.of("start_time", "2026-09-01T00:00:00Z",
                    "baseline_start", "2025-10-01T00:00:00Z", "max_runs", 100));
            Map<String, Object> a = structured(anomalies);
            assertTrue(text(anomalies).length() <= dev.agentos.traces.render.Text.BUDGET, "" + text(anomalies).length());
            assertTrue(list(a.get("groups")).size() <= 30);
            assertTrue(Json.MAPPER.writeValueAsString(a).length() < 200_000);
        }
    }
}
