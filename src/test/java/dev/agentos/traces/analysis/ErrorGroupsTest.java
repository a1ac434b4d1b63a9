package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.BuiltTraces.span;
import static dev.agentos.traces.testsupport.BuiltTraces.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentos.traces.testsupport.BuiltTraces;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures grouped by what failed and the shape of the message, on traces drawn by hand. */
class ErrorGroupsTest {

    @Test
    void messagesThatDifferOnlyInIdsNumbersAndQuotedValuesFormOneGroup() {
        assertEquals("Item '…' not found in warehouse <n> (request <id>)",
                ErrorGroups.shape("Item 'gears' not found in warehouse 12 (request 9b8c76d6e3668c78)"));
        assertEquals("timeout after <n> s for <id>",
                ErrorGroups.shape("timeout  after 3.5 s\nfor 5d4c5cec-293d-4ca2-b199-2395ffd38bdd"));
        ErrorGroups g = new ErrorGroups();
        g.add(trace("t1", "OK", span("AGENT", "Ops.arun", 0, 100,
                span("TOOL", "lookup_inventory", 10, 20).tool("lookup_inventory").failed("Item 'gears' not found in warehouse 12"))));
        g.add(trace("t2", "OK", span("AGENT", "Ops.arun", 1000, 1100,
                span("TOOL", "lookup_inventory", 1010, 1020).tool("lookup_inventory").failed("Item 'bolts' not found in warehouse 7"))));
        g.add(trace("t3", "ERROR", span("AGENT", "Ops.arun", 2000, 2100,
                span("TOOL", "lookup_inventory", 2010, 2020).tool("lookup_inventory").failed("connection refused"))));
        ErrorGroups.Result r = g.result();
        assertEquals(2, r.groups().size());
        ErrorGroups.Group first = r.groups().get(0);
        assertEquals("tool lookup_inventory", first.what());
        assertEquals("Item '…' not found in warehouse <n>", first.pattern());
        assertEquals(2, first.count());
        assertEquals(2, first.okStatusTraces(), "both traces said OK although their tool failed");
        assertEquals(List.of("t1", "t2"), first.exampleTraceIds());
        assertEquals(BuiltTraces.at(10), first.firstSeen());
        assertEquals(BuiltTraces.at(1010), first.lastSeen());
        assertEquals("Item 'gears' not found in warehouse 12", first.exampleError());
        assertEquals(3, r.failedSpans());
        assertEquals(3, r.tracesWithErrors());
        assertEquals(2, r.okButFailedTraces());
    }

    @Test
    void aFailedRunWithoutAFailedSpanAndASilentModelCallAreCountedApart() {
        ErrorGroups g = new ErrorGroups();
        g.add(trace("run-failed", "ERROR", span("AGENT", "Math.arun", 0, 50)));
        g.add(trace("silent", "OK", span("AGENT", "Math.arun", 100, 200,
                span("LLM", "OfflineSim.ainvoke", 110, 150).silent("offline-sim-1"))));
        g.add(trace("fine", "OK", span("AGENT", "Math.arun", 300, 400,
                span("LLM", "OfflineSim.ainvoke", 310, 350).llm("offline-sim-1", 10, 5))));
        ErrorGroups.Result r = g.result();
        assertEquals(3, r.tracesScanned());
        assertEquals(1, r.failedRuns());
        assertEquals(1, r.silentLlmFailures());
        assertEquals(0, r.failedSpans());
        assertEquals(List.of(ErrorGroups.Kind.RUN, ErrorGroups.Kind.SILENT_LLM).stream().sorted().toList(),
                r.groups().stream().map(ErrorGroups.Group::kind).sorted().toList());
        ErrorGroups.Group silent = r.groups().stream().filter(x -> x.kind() == ErrorGroups.Kind.SILENT_LLM).findFirst().orElseThrow();
        assertEquals("LLM offline-sim-1", silent.what());
        assertEquals(List.of("silent"), silent.exampleTraceIds());
    }

    @Test
    void aGroupKeepsAtMostThreeExampleTracesAndTheMostFrequentComesFirst() {
        ErrorGroups g = new ErrorGroups();
        for (int i = 0; i < 5; i++) {
            g.add(trace("many-" + i, "OK", span("AGENT", "A.arun", i * 100, i * 100 + 50,
                    span("TOOL", "t", i * 100 + 1, i * 100 + 2).tool("translate").failed("Unsupported language 'x" + i + "'"))));
        }
        g.add(trace("once", "OK", span("AGENT", "A.arun", 9000, 9050,
                span("TOOL", "t", 9001, 9002).tool("search").failed("rate limited"))));
        ErrorGroups.Result r = g.result();
        assertEquals("tool translate", r.groups().get(0).what());
        assertEquals(5, r.groups().get(0).count());
        assertEquals(ErrorGroups.EXAMPLES, r.groups().get(0).exampleTraceIds().size());
        assertEquals("tool search", r.groups().get(1).what());
    }
}
