package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.Trees.span;
import static dev.agentos.traces.testsupport.Trees.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.testsupport.Trees;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The critical path on layouts drawn by hand, each with its sections written out by hand ("span from-to", in ms
 * from the trace's start), and on the real workflow, team and agent traces.
 */
class CriticalPathTest {

    static List<String> sections(TraceDetail d) {
        CriticalPath.Result r = CriticalPath.of(d);
        List<String> out = new ArrayList<>();
        long at = 0;
        for (CriticalPath.Section s : r.sections()) {
            assertEquals(at, s.from(), "sections are contiguous: " + out);
            assertTrue(s.to() > s.from(), "no empty section");
            at = s.to();
            out.add((s.span() == null ? "-" : s.span().id()) + " " + ms(s.from()) + "-" + ms(s.to()));
        }
        assertEquals(r.wall().toNanos(), at, "the sections cover the wall time once");
        return out;
    }

    static String ms(long nanos) {
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString();
    }

    @Test
    void jaegersOwnLayoutCWithSequentialDAndEHasFiveSections() {
        //  C |----------------------------------|
        //  D     |--------|
        //  E                  |-----------|
        TraceDetail d = trace(span("C", "AGENT", 0, 100, span("D", "LLM", 10, 40), span("E", "LLM", 50, 90)));
        assertEquals(List.of("C 0-10", "D 10-40", "C 40-50", "E 50-90", "C 90-100"), sections(d));
    }

    @Test
    void llmToolLlmAgentRunIsAllOnThePath() {
        TraceDetail d = trace(span("A", "AGENT", 0, 100, span("L1", "LLM", 5, 40), span("T", "TOOL", 45, 50),
                span("L2", "LLM", 55, 95)));
        assertEquals(List.of("A 0-5", "L1 5-40", "A 40-45", "T 45-50", "A 50-55", "L2 55-95", "A 95-100"), sections(d));
    }

    @Test
    void parallelToolCallsLeaveTheOverlappedOnesOff() {
        //  P |----------------------------------|
        //  X    |---------------|
        //  Y           |----------------|
        //  Z                                      (starts and ends inside Y: hidden by it)
        TraceDetail d = trace(span("P", "AGENT", 0, 100, span("X", "TOOL", 10, 50), span("Y", "TOOL", 30, 80),
                span("Z", "TOOL", 40, 70)));
        assertEquals(List.of("P 0-30", "Y 30-80", "P 80-100"), sections(d));
    }

    @Test
    void childrenInAnyOrderGiveTheSamePath() {
        TraceDetail sorted = trace(span("C", "AGENT", 0, 100, span("D", "LLM", 10, 40), span("E", "LLM", 50, 90)));
        TraceDetail reversed = trace(span("C", "AGENT", 0, 100, span("E", "LLM", 50, 90), span("D", "LLM", 10, 40)));
        assertEquals(sections(sorted), sections(reversed));
    }

    @Test
    void aChildOverflowingItsParentIsClippedAndOneWhollyOutsideDropped() {
        //  P |---------------|
        //  C         |-----------------|      clipped to 50-100
        //  G                      |--|         outside the clipped C: dropped
        //  L                                |--|  starts after P ended: dropped
        TraceDetail d = trace(span("P", "WORKFLOW", 0, 100,
                span("C", "AGENT", 50, 130, span("G", "LLM", 110, 120)), span("L", "LLM", 105, 115)));
        assertEquals(List.of("P 0-50", "C 50-100"), sections(d));
        assertEquals(2, CriticalPath.of(d).dropped());
    }

    @Test
    void aChildStartingBeforeItsParentIsClippedToTheParentsStart() {
        TraceDetail d = trace(span("P", "AGENT", 10, 100, span("C", "LLM", 0, 30)));
        assertEquals(List.of("C 0-20", "P 20-90"), sections(d));
    }

    @Test
    void spansWithoutTimestampsAreSeenThroughAndOneWithADurationIsPlaced() {
        TraceNode noTimes = span("U", "AGENT", null, null, span("K", "LLM", 20, 60));
        TraceNode noEnd = span("S", "TOOL", 70, null);
        TraceNode endFromDuration = new TraceNode("T", "T", "TOOL", "OK", "10ms", Trees.at(80), null, null, null, null,
                null, Map.of(), List.of());
        TraceDetail d = trace(span("P", "AGENT", 0, 100, noTimes, noEnd, endFromDuration));
        assertEquals(List.of("P 0-20", "K 20-60", "P 60-80", "T 80-90", "P 90-100"), sections(d));
        assertEquals(2, CriticalPath.of(d).untimed());
    }

    @Test
    void severalRootsSitUnderOneStandInAndTimeNoRootCoversIsSaidSo() {
        TraceDetail d = trace(span("R1", "AGENT", 0, 40, span("c", "LLM", 10, 30)), span("R2", "AGENT", 60, 100));
        assertEquals(List.of("R1 0-10", "c 10-30", "R1 30-40", "- 40-60", "R2 60-100"), sections(d));
        TraceDetail overlapping = trace(span("R1", "AGENT", 0, 50), span("R2", "AGENT", 30, 100));
        assertEquals(List.of("R1 0-30", "R2 30-100"), sections(overlapping));
    }

    @Test
    void anAgentsCallsThatAreItsSiblingsInTheTreeAreOnItsPath() {
        // a streamed workflow step: the AGENT span outlives the step, its LLM and TOOL calls are the step's children
        TraceDetail d = trace(span("W", "WORKFLOW", 0, 100, span("S", "WORKFLOW", 0, 80, span("A", "AGENT", 5, 95),
                span("L1", "LLM", 10, 30), span("T", "TOOL", 35, 40), span("L2", "LLM", 45, 70))));
        assertEquals(List.of("S 0-5", "A 5-10", "L1 10-30", "A 30-35", "T 35-40", "A 40-45", "L2 45-70", "A 70-80",
                "W 80-100"), sections(d));
        assertEquals(3, CriticalPath.of(d).adopted());
    }

    @Test
    void noTimestampsAtAllGiveAnEmptyPath() {
        CriticalPath.Result r = CriticalPath.of(trace(span("A", "AGENT", null, null, span("B", "LLM", null, 5))));
        assertTrue(r.sections().isEmpty());
        assertEquals(0, r.wall().toNanos());
    }

    @Test
    void streamedWorkflowRunHasEveryStepAndEveryCallOnThePath() {
        TraceDetail d = Trees.fixture("runs/trace_report_workflow_1.json");
        List<String> path = sections(d);
        for (String id : List.of("1a1614219855260c", "9052697279306cf6", "a4e9c8a401117ad6", "ed9c595146176e81",
                "ff136e052ffc5a0f", "8560f75750cf77a8", "d371b285a1946d5f", "d93713fb440af195", "25766c3a7e59b0b8")) {
            assertTrue(path.stream().anyMatch(s -> s.startsWith(id + " ")), id + " in " + path);
        }
        assertEquals(680_251_000L, CriticalPath.of(d).wall().toNanos(), "the root's own timestamps");
    }
}
