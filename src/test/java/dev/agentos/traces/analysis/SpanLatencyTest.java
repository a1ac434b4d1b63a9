package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.BuiltTraces.span;
import static dev.agentos.traces.testsupport.BuiltTraces.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles per span type and name, on durations chosen by hand. */
class SpanLatencyTest {

    @Test
    void percentilesAreNearestRankOverEverySpanOfAKind() {
        SpanLatency l = new SpanLatency();
        // twenty tool calls of 1..20 ms, one per trace, under a 100 ms agent span
        for (int i = 1; i <= 20; i++) {
            double base = i * 1000;
            l.add(trace("t" + i, "OK", span("AGENT", "A.arun", base, base + 100,
                    span("TOOL", "lookup", base + 10, base + 10 + i).id("span-" + i))));
        }
        List<SpanLatency.Stat> stats = l.result();
        assertEquals(20, l.traces());
        assertEquals(40, l.spans());
        SpanLatency.Stat agent = stats.get(0);
        assertEquals("AGENT", agent.type());
        assertEquals(2_000_000, agent.totalMicros(), "most total time first");
        SpanLatency.Stat tool = stats.get(1);
        assertEquals("lookup", tool.name());
        assertEquals(20, tool.count());
        assertEquals(10_000, tool.p50Micros(), "rank ceil(0.5*20)=10 -> 10 ms");
        assertEquals(19_000, tool.p95Micros(), "rank ceil(0.95*20)=19 -> 19 ms");
        assertEquals(20_000, tool.maxMicros());
        assertEquals(210_000, tool.totalMicros());
        assertEquals("t20", tool.slowestTraceId());
        assertEquals("span-20", tool.slowestSpanId());
    }

    @Test
    void oneValueIsEveryPercentileAndNoValueIsZero() {
        assertEquals(7, SpanLatency.percentile(new long[] {7}, 50));
        assertEquals(7, SpanLatency.percentile(new long[] {7}, 95));
        assertEquals(0, SpanLatency.percentile(new long[] {}, 95));
        assertEquals(1, SpanLatency.percentile(new long[] {1, 2}, 50));
        assertEquals(2, SpanLatency.percentile(new long[] {1, 2}, 51));
    }
}
