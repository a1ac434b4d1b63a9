package dev.agentos.traces.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.SpanLatency;
import dev.agentos.traces.analysis.TimeSplitStats;
import dev.agentos.traces.analysis.TokenBreakdown;
import dev.agentos.traces.analysis.TokenTotals;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.query.TraceScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer tools' text stays within the output budget (about 4,000 tokens) for a 2,000-span trace and a
 * 10,000-trace aggregation with thousands of distinct causes, names and users, while the structured
 * totals stay exact.
 */
class AnswerBudgetTest {

    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    static final int TRACES = 10_000;

    static TraceNode span(String id, String name, String type, String status, long startMs, long endMs, String error,
            Map<String, Object> meta, List<TraceNode> kids) {
        return new TraceNode(id, name, type, status, (endMs - startMs) + "ms", T0.plusMillis(startMs), T0.plusMillis(endMs),
                null, "output of " + name + " ".repeat(50), error, null, meta, kids);
    }

    /** One trace of {@code spans} spans: a root agent, LLM calls and failing tools with long names and errors. */
    static TraceDetail trace(int i, int spans) {
        List<TraceNode> kids = new ArrayList<>();
        for (int k = 1; k < spans; k++) {
            long s = k * 3L;
            if (k % 2 == 1) {
                kids.add(span(id(i, k), "Model.call-" + (k % 50) + "-" + "x".repeat(60), "LLM", "OK", s, s + 2, null,
                        Map.of("model", "model-" + (k % 7), "input_tokens", k % 100, "output_tokens", k % 37), List.of()));
            } else {
                kids.add(span(id(i, k), "tool_" + (i % 300) + "_" + k, "TOOL", "ERROR", s, s + 1,
                        "Timeout after " + k + " ms calling 'svc-" + i + "' " + "detail ".repeat(40),
                        Map.of("tool_name", "tool_" + (i % 300) + "_" + (k % 400)), List.of()));
            }
        }
        TraceNode root = span(id(i, 0), "Agent.run", "AGENT", "OK", 0, spans * 3L + 1, null, Map.of(), kids);
        TraceSummary s = new TraceSummary(String.format("%032x", i), "Agent.run", "OK", "x", T0.plusSeconds(i),
                T0.plusSeconds(i).plusMillis(spans * 3L + 1), spans, spans / 2, null, "run-" + i, "session-" + i,
                "user-" + i, "agent-" + (i % 500), null, null, T0.plusSeconds(i));
        return new TraceDetail(s, "out", null, List.of(root));
    }

    static String id(int i, int k) {
        return String.format("%08x%08x", i, k);
    }

    static TraceScan.Stats stats(int read) {
        return new TraceScan.Stats(read, read, false, read / 100 + 1, true, T0, null, T0.plusSeconds(86_400 * 7));
    }

    /** Within the text budget, and the size the answer will state (AnswerSize) is its real length within 10 %. */
    static void assertWithinBudget(String text, String what) {
        assertTrue(text.length() <= Text.BUDGET, what);
        String stated = AnswerSize.stated(text);
        int tokens = AnswerSize.statedIn(stated);
        double real = stated.length() / 4.0;
        assertTrue(Math.abs(tokens - real) <= real * 0.10, what + " states " + tokens + " tokens for " + stated.length()
                + " chars");
        assertTrue(tokens <= Text.BUDGET / 4 + 10, what + " states more than the budget: " + tokens);
    }

    @Test
    void aTwoThousandSpanTraceStaysWithinBudget() {
        TraceDetail big = trace(1, 2000);
        Bottlenecks.Result b = Bottlenecks.of(big);
        String slow = SlowSpansView.text(big, b, SlowSpansView.MAX_TOP, Hints.MCP);
        assertWithinBudget(slow, "slow_spans: " + slow.length());
        assertTrue(slow.contains("faster spans not shown"), slow);
        TraceDiff.Result d = TraceDiff.of(big, trace(2, 2000));
        String cmp = CompareView.text(d, CompareView.MAX_MAX_ROWS, Hints.MCP);
        assertWithinBudget(cmp, "compare_traces: " + cmp.length());
        assertTrue(cmp.contains("more differences not shown ("), cmp);
        assertEquals(CompareView.MAX_MAX_ROWS, ((List<?>) CompareView.structured(d, CompareView.MAX_MAX_ROWS)
                .get("differences")).size());
    }

    @Test
    void tenThousandTracesAggregateExactlyAndRenderWithinBudget() {
        ErrorGroups errors = new ErrorGroups();
        SpanLatency latency = new SpanLatency();
        TimeSplitStats splits = new TimeSplitStats();
        List<TokenBreakdown.Row> rows = new ArrayList<>();
        long in = 0;
        long out = 0;
        long failed = 0;
        for (int i = 0; i < TRACES; i++) {
            TraceDetail d = trace(i, 12);
            errors.add(d);
            latency.add(d);
            splits.add(d);
            rows.add(new TokenBreakdown.Row(d.summary(), TokenUsage.of(d)));
            for (int k = 1; k < 12; k++) {
                if (k % 2 == 1) {
                    in += k % 100;
                    out += k % 37;
                } else {
                    failed++;
                }
            }
        }
        TraceScan.Stats s = stats(TRACES);
        ErrorGroups.Result er = errors.result();
        assertEquals(failed, er.failedSpans());
        assertEquals(TRACES, er.tracesWithErrors());
        String errText = ErrorsView.text(er, s, TraceFilter.NONE, ErrorsView.MAX_MAX_GROUPS, Hints.MCP);
        assertWithinBudget(errText, "find_errors: " + errText.length());
        assertTrue(errText.contains("more causes not shown (text budget)"), errText);
        assertTrue(errText.endsWith("(POST /traces/search)"), "the footer survives the cut");

        List<SpanLatency.Stat> st = latency.result();
        assertEquals(TRACES * 12L, latency.spans());
        assertEquals(TRACES * 12L, st.stream().mapToLong(SpanLatency.Stat::count).sum());
        List<TimeSplitStats.Row> runners = splits.result();
        assertEquals(500, runners.size());
        assertEquals(TRACES, runners.stream().mapToInt(TimeSplitStats.Row::traces).sum());
        String slow = SlowSpansView.text(st, latency, runners, s, TraceFilter.NONE, SlowSpansView.MAX_TOP, Hints.MCP);
        assertWithinBudget(slow, "slow_spans: " + slow.length());
        assertTrue(slow.endsWith("(POST /traces/search)"), "the footer survives the cut");

        TokenTotals totals = TokenTotals.of(rows.stream().map(TokenBreakdown.Row::usage).toList());
        assertEquals(in, totals.inputTokens());
        assertEquals(out, totals.outputTokens());
        for (GroupBy by : GroupBy.values()) {
            dev.agentos.traces.analysis.TokenSums sums = new dev.agentos.traces.analysis.TokenSums(by);
            rows.forEach(r -> sums.add(r.summary(), r.usage()));
            TokenQuery.Result tr = TokenQuery.Result.of(sums, s);
            List<TokenBreakdown.Group> groups = TokenBreakdown.of(rows, by);
            assertEquals(in, groups.stream().mapToLong(TokenBreakdown.Group::inputTokens).sum(), by.label());
            assertEquals(out, groups.stream().mapToLong(TokenBreakdown.Group::outputTokens).sum(), by.label());
            String text = TokensView.text(tr, TraceFilter.NONE, by, Hints.MCP);
            assertWithinBudget(text, "total_tokens by " + by.label() + ": " + text.length());
            Map<String, Object> m = TokensView.structured(tr, TraceFilter.NONE, by);
            assertEquals(in, m.get("input_tokens"));
        }
        String cost = CostView.text("10000 traces", CostEstimate.of(totals.byModel(), Pricing.defaults()),
                Pricing.defaults(), ScanView.footer(s, "no filter", Hints.MCP));
        assertWithinBudget(cost, "token_cost: " + cost.length());
    }
}
