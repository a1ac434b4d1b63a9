package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.Trees.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.testsupport.Trees;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time split over many runs, by what ran them: sums, and the median run's own split. */
class TimeSplitStatsTest {

    static TraceDetail run(String id, String agent, double llmMs, double wallMs) {
        TraceDetail d = Trees.trace(span("root" + id, "AGENT", 0, wallMs, span("l" + id, "LLM", 0, llmMs)));
        TraceSummary s = d.summary();
        return new TraceDetail(new TraceSummary(id, s.name(), s.status(), null, s.startTime(), s.endTime(), 2, 0, null,
                null, null, null, agent, null, null, null), null, null, d.tree());
    }

    @Test
    void sumsPerAgentAndTheMedianRunBesideThem() {
        TimeSplitStats stats = new TimeSplitStats();
        stats.add(run("a1", "ops", 10, 100));
        stats.add(run("a2", "ops", 30, 40));
        stats.add(run("a3", "ops", 50, 60));
        stats.add(run("b1", "math", 5, 10));
        stats.add(Trees.fixture("runs/trace_report_workflow_1.json"));
        List<TimeSplitStats.Row> rows = stats.result();
        assertEquals(List.of("workflow report-workflow", "agent ops", "agent math"),
                rows.stream().map(TimeSplitStats.Row::runner).toList(), "most wall time first");
        TimeSplitStats.Row ops = rows.get(1);
        assertEquals(3, ops.traces());
        assertEquals(Duration.ofMillis(200), ops.total().wall());
        assertEquals(Duration.ofMillis(90), ops.total().llm());
        assertEquals(Duration.ofMillis(110), ops.total().other());
        assertEquals("a3", ops.medianTraceId(), "40, 60, 100 ms: the median run is the 60 ms one");
        assertEquals(Duration.ofMillis(50), ops.median().llm());
        TimeSplit wf = rows.get(0).total();
        assertEquals(wf.wall(), wf.llm().plus(wf.tool()).plus(wf.other()));
    }
}
