package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.Trees.span;
import static dev.agentos.traces.testsupport.Trees.trace;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.testsupport.Trees;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LLM, tool and other time from span intervals: on hand-drawn trees with expected milliseconds, and on real runs. */
class TimeSplitTest {

    static Duration ms(double ms) {
        return Duration.ofNanos(Math.round(ms * 1_000_000));
    }

    static void assertSplit(TimeSplit s, double wall, double llm, double tool, double other) {
        assertEquals(List.of(ms(wall), ms(llm), ms(tool), ms(other)), List.of(s.wall(), s.llm(), s.tool(), s.other()));
    }

    static void assertAddsUp(TimeSplit s) {
        assertEquals(s.wall(), s.llm().plus(s.tool()).plus(s.other()));
        int[] p = s.percents();
        assertEquals(100, p[0] + p[1] + p[2]);
        int[] t = s.tenths();
        assertEquals(1000, t[0] + t[1] + t[2]);
    }

    @Test
    void overlappingParallelToolCallsCountOnceAndLlmWinsWhereBothRun() {
        //  A |------------------------------------------|  0-100
        //  L1  |------|                                     5-25
        //  T1        |-----------|                          20-45 (LLM wins 20-25)
        //  T2             |-----------|                     30-55 (overlaps T1: counted once)
        //  L2                              |-------|        70-90
        TraceDetail d = trace(span("A", "AGENT", 0, 100, span("L1", "LLM", 5, 25), span("T1", "TOOL", 20, 45),
                span("T2", "TOOL", 30, 55), span("L2", "LLM", 70, 90)));
        TimeSplit s = TimeSplit.of(d).trace();
        assertSplit(s, 100, 40, 30, 30);
        assertArrayEquals(new int[] {40, 30, 30}, s.percents());
    }

    @Test
    void childrenOutlivingParentsAndStartingBeforeThemCountWhereTheyRanWithinTheTrace() {
        TraceDetail d = trace(span("W", "WORKFLOW", 0, 100, span("S", "WORKFLOW", 10, 50,
                span("A", "AGENT", 12, 70), span("L", "LLM", 5, 60))));
        TimeSplit.Result r = TimeSplit.of(d);
        assertSplit(r.trace(), 100, 55, 0, 45);
        // per step: the step's own window only; the LLM (adopted by nobody: it starts before A) still counts in S
        assertEquals(List.of("S", "A"), r.steps().stream().map(st -> st.span().id()).toList());
        assertSplit(r.steps().get(0).split(), 40, 40, 0, 0);
        assertSplit(r.steps().get(1).split(), 58, 0, 0, 58);
        r.steps().forEach(st -> assertAddsUp(st.split()));
    }

    @Test
    void aSpanWithoutEndTimeIsLeftOutAndItsChildrenStillCount() {
        TraceNode open = span("U", "TOOL", 10, null, span("L", "LLM", 20, 30));
        TimeSplit s = TimeSplit.of(trace(span("A", "AGENT", 0, 50, open))).trace();
        assertSplit(s, 50, 10, 0, 40);
    }

    @Test
    void aTeamsDelegationToolIsLlmTimeWhileTheMembersModelRuns() {
        TraceDetail d = Trees.fixture("runs/trace_support_team_1.json");
        TimeSplit.Result r = TimeSplit.of(d);
        TimeSplit s = r.trace();
        // by hand from the fixture: LLM 40.847 + 40.921 + 50.677 + 50.789 ms; the delegate tool 287.258 ms minus
        // the member's two LLM calls inside it (91.598 ms)
        assertEquals(Duration.ofNanos(472_988_000), s.wall());
        assertEquals(Duration.ofNanos(40_847_000 + 40_921_000 + 50_677_000 + 50_789_000), s.llm());
        assertEquals(Duration.ofNanos(287_258_000 - 40_921_000 - 50_677_000), s.tool());
        assertAddsUp(s);
        assertEquals(List.of("Calculator.arun"), r.steps().stream().map(st -> st.span().name()).toList());
        assertAddsUp(r.steps().get(0).split());
    }

    @Test
    void streamedAndNonStreamedWorkflowRunsSplitByStepAlike() {
        for (String f : List.of("runs/trace_report_workflow_1.json", "runs/trace_report_workflow_2.json")) {
            TimeSplit.Result r = TimeSplit.of(Trees.fixture(f));
            assertAddsUp(r.trace());
            assertEquals(List.of("compute", "Math_Agent", "check_stock", "Ops_Agent", "write_up", "Writer_Agent_✍️"),
                    r.steps().stream().map(st -> SpanNames.label(st.span().name())).toList(), f);
            r.steps().forEach(st -> assertAddsUp(st.split()));
        }
        TimeSplit.Result streamed = TimeSplit.of(Trees.fixture("runs/trace_report_workflow_1.json"));
        // check_stock 101.754 ms, its agent's one LLM call 42.122 ms although that call is the step's child, not the agent's
        TimeSplit checkStock = streamed.steps().get(2).split();
        assertSplit(checkStock, 101.754, 42.122, 0, 59.632);
        TimeSplit opsAgent = streamed.steps().get(3).split();
        assertEquals(ms(42.122), opsAgent.llm(), "the agent's LLM call is in its own split");
        TimeSplit writer = streamed.steps().get(5).split();
        assertEquals(ms(45.244 + 43.249), writer.llm());
    }

    @Test
    void agentRunWithAFailedTool() {
        TimeSplit s = TimeSplit.of(Trees.fixture("runs/trace_ops_agent_1.json")).trace();
        assertSplit(s, 228.402, 41.137 + 51.021, 4.333, 228.402 - 41.137 - 51.021 - 4.333);
        assertAddsUp(s);
    }

    @Test
    void noTimesNoSplit() {
        assertEquals(TimeSplit.NONE, TimeSplit.of(trace(span("A", "AGENT", null, null))).trace());
        assertArrayEquals(new int[] {0, 0, 0}, TimeSplit.NONE.percents());
    }
}
