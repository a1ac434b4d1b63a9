package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.Trees.span;
import static dev.agentos.traces.testsupport.Trees.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.testsupport.Trees;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Two runs compared by shape: real streamed and non-streamed workflow runs, and trees built to mislead a tree diff. */
class TraceDiffTest {

    static final String STREAMED = "runs/trace_report_workflow_1.json";
    static final String PLAIN = "runs/trace_report_workflow_2.json";

    static Set<String> changes(TraceDiff.Result r) {
        Set<String> out = new TreeSet<>();
        for (TraceDiff.SpanDiff d : r.differences()) {
            out.add(d.path() + " " + d.changes());
        }
        return out;
    }

    @Test
    void streamedAndNonStreamedRunsOfOneWorkflowHaveTheSameShape() {
        TraceDiff.Result r = TraceDiff.of(Trees.fixture(PLAIN), Trees.fixture(STREAMED));
        assertTrue(r.sameShape(), changes(r).toString());
        assertTrue(r.failedInOne().isEmpty());
        assertEquals(13, r.a().spans());
        assertEquals(13, r.b().spans());
        assertEquals("add 2 and 3 then check stock of bolts", r.a().input());
        assertEquals("add 4 and 4", r.b().input());
        assertEquals(43 + 48 + 58 + 81 + 49, r.a().inputTokens());
        assertEquals(36 + 41 + 58 + 81 + 49, r.b().inputTokens());
        String w = "/WORKFLOW:Report_Workflow";
        String math = w + "/WORKFLOW:compute/AGENT:Math_Agent";
        assertEquals(Set.of(
                math + "/LLM:OfflineSim [TOKENS]",
                math + "/TOOL:add_numbers [ARGS, OUTPUT]",
                math + "/LLM:OfflineSim#2 [TOKENS]",
                math + " [OUTPUT, DURATION]",
                w + "/WORKFLOW:check_stock/AGENT:Ops_Agent [OUTPUT]",
                w + "/WORKFLOW:write_up/AGENT:Writer_Agent_✍️ [OUTPUT, DURATION]"), changes(r));
        TraceDiff.SpanDiff tool = r.differences().stream().filter(d -> d.type().equals("TOOL")).findFirst().orElseThrow();
        assertEquals("{\"a\": 2, \"b\": 3}", tool.a().input());
        assertEquals("{\"a\": 4, \"b\": 4}", tool.b().input());
        assertEquals(13 - 6, r.unchanged());
    }

    @Test
    void aFailedToolInOnlyOneRunIsCalledOut() {
        TraceDetail plain = Trees.fixture(PLAIN);
        Instant at = Instant.parse("2026-11-30T03:38:30.470Z"); // inside its Ops_Agent run, after the LLM call
        TraceNode lookup = new TraceNode("feedfacefeedface", "lookup_inventory", "TOOL", "ERROR", null, at,
                at.plusMillis(4), "{\"item\": \"bolts\"}", null,
                "Inventory service unavailable for item 'bolts' (simulated outage)", null, Map.of(), List.of());
        TraceNode root = Trees.withChild(plain.tree().get(0), opsAgentId(plain), lookup);
        TraceDetail failing = new TraceDetail(plain.summary(), plain.output(), null, List.of(root));
        TraceDiff.Result r = TraceDiff.of(Trees.fixture(STREAMED), failing);
        assertFalse(r.sameShape());
        assertEquals(1, r.failedInOne().size());
        TraceDiff.SpanDiff f = r.failedInOne().get(0);
        assertNull(f.a());
        assertEquals("lookup_inventory", f.b().name());
        assertEquals(List.of(TraceDiff.Change.ADDED), r.differences().get(0).changes(), "structure first");
        assertEquals("/WORKFLOW:Report_Workflow/WORKFLOW:check_stock/AGENT:Ops_Agent/TOOL:lookup_inventory",
                r.differences().get(0).path());
    }

    static String opsAgentId(TraceDetail d) {
        String[] id = {null};
        d.forEachSpan(n -> id[0] = n.name().equals("Ops_Agent.arun") ? n.id() : id[0]);
        return id[0];
    }

    @Test
    void aToolThatFailsInOneRunAndNotTheOtherIsAStatusAndErrorChange() {
        TraceDetail ok = trace(span("A", "AGENT", 0, 100, span("L", "LLM", "M.ainvoke", 0, 40),
                span("T", "TOOL", "lookup", 50, 60)));
        TraceDetail bad = trace(span("A", "AGENT", 0, 100, span("L", "LLM", "M.ainvoke_stream", 0, 40),
                Trees.failedTool("T", "lookup", 50, 60, null, "boom")));
        TraceDiff.Result r = TraceDiff.of(ok, bad);
        assertTrue(r.sameShape());
        assertEquals(Set.of("/AGENT:A/TOOL:lookup [STATUS, ERROR]"), changes(r));
        assertEquals("boom", r.failedInOne().get(0).b().error());
    }

    @Test
    void reorderedParallelSiblingsMatchByStartTimeOnceParsed() {
        String a = body("""
                {"id": "t1", "name": "lookup", "type": "TOOL", "status": "OK", "start_time": "2026-11-30T03:00:00.010Z",
                 "end_time": "2026-11-30T03:00:00.050Z", "input": "{\\"item\\": \\"nuts\\"}"},
                {"id": "t2", "name": "lookup", "type": "TOOL", "status": "OK", "start_time": "2026-11-30T03:00:00.020Z",
                 "end_time": "2026-11-30T03:00:00.060Z", "input": "{\\"item\\": \\"bolts\\"}"}""");
        String b = body("""
                {"id": "t2", "name": "lookup", "type": "TOOL", "status": "OK", "start_time": "2026-11-30T03:00:00.020Z",
                 "end_time": "2026-11-30T03:00:00.060Z", "input": "{\\"item\\": \\"bolts\\"}"},
                {"id": "t1", "name": "lookup", "type": "TOOL", "status": "OK", "start_time": "2026-11-30T03:00:00.010Z",
                 "end_time": "2026-11-30T03:00:00.050Z", "input": "{\\"item\\": \\"nuts\\"}"}""");
        TraceDetail da = Trees.parse(a);
        TraceDetail db = Trees.parse(b);
        assertEquals("t1", db.tree().get(0).spans().get(0).id(), "the parser puts siblings in start order");
        TraceDiff.Result r = TraceDiff.of(da, db);
        assertTrue(r.differences().isEmpty(), changes(r).toString());
        assertEquals(3, r.unchanged());
    }

    static String body(String children) {
        return """
                {"trace_id": "0123456789abcdef0123456789abcdef", "name": "A.arun", "status": "OK",
                 "start_time": "2026-11-30T03:00:00Z", "end_time": "2026-11-30T03:00:00.100Z",
                 "tree": [{"id": "root", "name": "A.arun", "type": "AGENT", "status": "OK",
                   "start_time": "2026-11-30T03:00:00Z", "end_time": "2026-11-30T03:00:00.100Z", "spans": [%s]}]}"""
                .formatted(children);
    }

    @Test
    void anExtraLlmCallIsOneAddedSpanNotAShiftOfEverythingAfterIt() {
        TraceDetail a = trace(span("A", "AGENT", 0, 100, span("L1", "LLM", "M.ainvoke", 0, 20),
                span("T", "TOOL", "lookup", 30, 40), span("L2", "LLM", "M.ainvoke", 50, 70)));
        TraceDetail b = trace(span("A", "AGENT", 0, 100, span("L1", "LLM", "M.ainvoke", 0, 20),
                span("X", "LLM", "M.ainvoke", 22, 28), span("T", "TOOL", "lookup", 30, 40),
                span("L2", "LLM", "M.ainvoke", 50, 70)));
        TraceDiff.Result r = TraceDiff.of(a, b);
        assertFalse(r.sameShape());
        assertEquals(1, r.differences().size(), changes(r).toString());
        assertEquals(List.of(TraceDiff.Change.ADDED), r.differences().get(0).changes());
        assertEquals(4, r.unchanged());
    }

    @Test
    void aRemovedAgentIsOneRowCountingTheSpansInIt() {
        TraceDetail a = trace(span("T", "TEAM", 0, 100, span("M", "AGENT", "Member.arun", 10, 90,
                span("L", "LLM", 20, 40), span("U", "TOOL", 50, 60))));
        TraceDetail b = trace(span("T", "TEAM", 0, 100));
        TraceDiff.Result r = TraceDiff.of(a, b);
        assertEquals(Set.of("/TEAM:T/AGENT:Member [REMOVED]"), changes(r));
        assertEquals(2, r.differences().get(0).inside());
    }

    @Test
    void durationsChangeOnlyPastTwentyPercentAndFiveMilliseconds() {
        TraceDetail a = trace(span("A", "AGENT", 0, 100, span("L", "LLM", 0, 10), span("K", "LLM", 20, 80)));
        TraceDetail b = trace(span("A", "AGENT", 0, 104, span("L", "LLM", 0, 14), span("K", "LLM", 20, 90)));
        assertEquals(Set.of(), changes(TraceDiff.of(a, b)), "4 ms and 10 ms of 70: neither counts");
        TraceDetail c = trace(span("A", "AGENT", 0, 100, span("L", "LLM", 0, 10), span("K", "LLM", 20, 100)));
        assertEquals(Set.of("/LLM:K [DURATION]".replace("/LLM", "/AGENT:A/LLM")), changes(TraceDiff.of(a, c)));
    }
}
