package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.analysis.RunMetrics.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Planted anomalies are found, most unusual first; runs that vary normally are not flagged. */
class AnomaliesTest {

    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant W0 = Instant.parse("2026-11-27T00:00:00Z");

    /** 40 baseline runs of support-agent: 900-1100 tokens, 0.8-1.2 s, 2 LLM calls, 1 tool call, no failure. */
    static Anomalies baseline(Random rnd) {
        Anomalies a = new Anomalies();
        for (int i = 0; i < 40; i++) {
            a.addBaseline(normal(i, T0.plusSeconds(3600L * i), rnd).build());
        }
        return a;
    }

    static Runs.Run normal(int n, Instant start, Random rnd) {
        long in = 600 + rnd.nextInt(120);
        long out = 300 + rnd.nextInt(80);
        return Runs.run(Runs.id(n), "support-agent", start).took(800 + rnd.nextInt(400))
                .llm("gpt-4o", in / 2, out / 2).llm("gpt-4o", in - in / 2, out - out / 2).tool("lookup_order", null);
    }

    @Test
    void plantedAnomaliesAreFoundAndNormalRunsAreNot() {
        Random rnd = new Random(7);
        Anomalies a = baseline(rnd);
        for (int i = 0; i < 30; i++) {
            a.addWindow(normal(1000 + i, W0.plusSeconds(600L * i), rnd).build());
        }
        // 10x the tokens
        a.addWindow(Runs.run(Runs.id(2001), "support-agent", W0.plusSeconds(1)).took(1000)
                .llm("gpt-4o", 5000, 2000).llm("gpt-4o", 2000, 1000).tool("lookup_order", null).build());
        // slow: 9 s
        a.addWindow(Runs.run(Runs.id(2002), "support-agent", W0.plusSeconds(2)).took(9000)
                .llm("gpt-4o", 330, 170).llm("gpt-4o", 330, 170).tool("lookup_order", null).build());
        // a new error shape, in a run otherwise normal
        a.addWindow(Runs.run(Runs.id(2003), "support-agent", W0.plusSeconds(3)).took(1000)
                .llm("gpt-4o", 330, 170).llm("gpt-4o", 330, 170)
                .tool("translate_text", "Unsupported target language 'xx'").build());
        // a new model
        a.addWindow(Runs.run(Runs.id(2004), "support-agent", W0.plusSeconds(4)).took(1000)
                .llm("claude-sonnet-4-5", 330, 170).llm("gpt-4o", 330, 170).tool("lookup_order", null).build());

        Anomalies.Result r = a.result();
        assertEquals(40, r.baselineRuns());
        assertEquals(34, r.windowRuns());
        assertEquals(List.of(Runs.id(2001), Runs.id(2002)), r.flagged().stream().map(Anomalies.Flagged::traceId).toList(),
                "only the two planted runs, the 10x one first");
        Anomalies.Deviation tokens = r.flagged().get(0).deviations().get(0);
        assertEquals(Metric.TOKENS, tokens.metric());
        assertEquals(10_000, tokens.value());
        assertTrue(tokens.ratio() > 9 && tokens.ratio() < 12, "about 10x: " + tokens.ratio());
        assertTrue(tokens.z() > 50, "far off: " + tokens.z());
        Anomalies.Deviation slow = r.flagged().get(1).deviations().get(0);
        assertEquals(Metric.DURATION, slow.metric());
        assertEquals(9_000_000, slow.value(), "microseconds");

        assertEquals(1, r.newErrors().size());
        assertEquals("tool translate_text", r.newErrors().get(0).what());
        assertEquals("Unsupported target language '…'", r.newErrors().get(0).pattern());
        assertEquals(List.of("translate_text"), r.newTools().stream().map(Anomalies.Novel::name).toList());
        assertEquals(List.of("claude-sonnet-4-5"), r.newModels().stream().map(Anomalies.Novel::name).toList());
        assertEquals(Runs.id(2004), r.newModels().get(0).firstTraceId());
        Anomalies.Group g = r.groups().get(0);
        assertTrue(g.verdict());
        assertEquals(2, g.flaggedRuns());
    }

    @Test
    void normallyVaryingRunsAreNeverFlagged() {
        for (int seed = 0; seed < 20; seed++) {
            Random rnd = new Random(seed);
            Anomalies a = baseline(rnd);
            for (int i = 0; i < 200; i++) {
                a.addWindow(normal(1000 + i, W0.plusSeconds(60L * i), rnd).build());
            }
            Anomalies.Result r = a.result();
            assertEquals(0, r.flaggedTotal(), "seed " + seed + ": " + r.flagged());
            assertTrue(r.newErrors().isEmpty() && r.newModels().isEmpty() && r.newTools().isEmpty());
            assertTrue(r.failingTools().isEmpty());
        }
    }

    @Test
    void aSmallBaselineGivesNumbersButNoVerdict() {
        Random rnd = new Random(1);
        Anomalies a = new Anomalies();
        for (int i = 0; i < Anomalies.MIN_BASELINE_RUNS - 1; i++) {
            a.addBaseline(normal(i, T0.plusSeconds(i), rnd).build());
        }
        a.addWindow(Runs.run(Runs.id(99), "support-agent", W0).took(60_000).llm("gpt-4o", 50_000, 50_000).build());
        a.addWindow(Runs.run(Runs.id(98), "new-agent", W0).llm("gpt-4o", 5, 5).build());
        Anomalies.Result r = a.result();
        assertEquals(0, r.flaggedTotal(), "9 baseline runs: no verdict however far off");
        Anomalies.Group support = r.groups().stream().filter(g -> g.component().equals("agent support-agent"))
                .findFirst().orElseThrow();
        assertFalse(support.verdict());
        assertEquals(9, support.baselineRuns());
        assertTrue(support.metrics().get(0).baseline().median() > 900, "the numbers are still given");
        assertEquals(100_000, support.metrics().get(0).windowMedian());
        Anomalies.Group fresh = r.groups().stream().filter(g -> g.component().equals("agent new-agent")).findFirst()
                .orElseThrow();
        assertEquals(0, fresh.baselineRuns());
    }

    @Test
    void aToolThatStartsFailingIsFlaggedButItsUsualFailureRateIsNot() {
        Random rnd = new Random(3);
        Anomalies a = new Anomalies();
        for (int i = 0; i < 50; i++) {
            // lookup_order fails in 1 of 10 runs as a rule
            a.addBaseline(Runs.run(Runs.id(i), "a", T0.plusSeconds(i)).llm("m", 100, 100)
                    .tool("lookup_order", i % 10 == 0 ? "timeout after 30 s" : null)
                    .tool("charge_card", null).build());
        }
        for (int i = 0; i < 20; i++) {
            a.addWindow(Runs.run(Runs.id(100 + i), "a", W0.plusSeconds(i)).llm("m", 100, 100)
                    .tool("lookup_order", i % 10 == 0 ? "timeout after 30 s" : null)
                    .tool("charge_card", i % 2 == 0 ? "card declined by issuer 42" : null).build());
        }
        Anomalies.Result r = a.result();
        assertEquals(List.of("charge_card"), r.failingTools().stream().map(Anomalies.ToolRate::tool).toList());
        Anomalies.ToolRate t = r.failingTools().get(0);
        assertEquals(10, t.windowFailed());
        assertEquals(20, t.windowCalls());
        assertEquals(0, t.baselineFailed());
        assertEquals(List.of("tool charge_card"), r.newErrors().stream().map(ErrorGroups.Group::what).toList(),
                "the timeout shape was seen before");
    }

    @Test
    void robustStatsOfKnownValues() {
        RobustStats s = RobustStats.of(new long[] {1, 2, 3, 4, 100});
        assertEquals(3, s.median());
        assertEquals(1, s.mad());
        assertEquals((100 - 3) / 1.4826, s.z(100), 1e-9);
        RobustStats flat = RobustStats.of(new long[] {2, 2, 2, 2, 3});
        assertEquals(0, flat.mad());
        assertEquals(1.2533 * 0.2, flat.scale(), 1e-12, "mean absolute deviation when MAD is 0");
        assertNull(RobustStats.of(new long[] {5, 5, 5}).z(6), "no spread at all: unbounded");
        assertEquals(0.0, RobustStats.of(new long[] {5, 5, 5}).z(5));
        assertEquals(2.5, RobustStats.of(new long[] {1, 2, 3, 4}).median());
    }

    @Test
    void binomialTailIsExact() {
        assertEquals(1.0, Anomalies.binomialTail(10, 0, 0.1), 1e-12);
        // P(X >= 2), n 3, p 0.5 = 4/8
        assertEquals(0.5, Anomalies.binomialTail(3, 2, 0.5), 1e-12);
        assertEquals(Math.pow(0.01, 5), Anomalies.binomialTail(5, 5, 0.01), 1e-20);
    }
}
