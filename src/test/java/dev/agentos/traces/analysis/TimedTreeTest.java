package dev.agentos.traces.analysis;

import static dev.agentos.traces.testsupport.Trees.span;
import static dev.agentos.traces.testsupport.Trees.trace;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentos.traces.testsupport.Trees;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which spans time moves under which sibling, and which it leaves alone. */
class TimedTreeTest {

    static String shape(List<TimedTree.Node> nodes) {
        StringBuilder b = new StringBuilder();
        for (TimedTree.Node n : nodes) {
            b.append(b.length() == 0 ? "" : " ").append(n.span().id());
            if (!n.children().isEmpty()) {
                b.append("(").append(shape(n.children())).append(")");
            }
        }
        return b.toString();
    }

    @Test
    void anAgentAdoptsTheCallsThatRanInsideItAndAToolTheMemberItRan() {
        TimedTree t = TimedTree.of(trace(span("S", "WORKFLOW", 0, 100, span("A", "AGENT", 5, 120),
                span("L", "LLM", 10, 30), span("T", "TOOL", 40, 50), span("late", "LLM", 110, 130))));
        assertEquals("S(A(L T) late)", shape(t.roots()));
        assertEquals(2, t.adopted());
        TimedTree team = TimedTree.of(Trees.fixture("runs/trace_support_team_1.json"));
        assertEquals("TEAM Support_Team.arun (LLM, TOOL delegate_task_to_member (AGENT Calculator.arun (LLM, TOOL "
                + "add_numbers, LLM)), LLM)", describe(team.roots()));
    }

    static String describe(List<TimedTree.Node> nodes) {
        StringBuilder b = new StringBuilder();
        for (TimedTree.Node n : nodes) {
            b.append(b.length() == 0 ? "" : ", ").append(n.span().type());
            if (!n.span().isLlm()) {
                b.append(' ').append(n.span().name());
            }
            if (!n.children().isEmpty()) {
                b.append(" (").append(describe(n.children())).append(")");
            }
        }
        return b.toString();
    }

    @Test
    void parallelStepsToolsAndModelCallsStaySiblingsWhateverTheirTimes() {
        TimedTree t = TimedTree.of(trace(span("W", "WORKFLOW", 0, 100, span("s1", "WORKFLOW", 0, 90),
                span("s2", "WORKFLOW", 10, 50), span("t1", "TOOL", 0, 60), span("t2", "TOOL", 10, 20),
                span("l1", "LLM", 0, 70), span("l2", "LLM", 5, 6))));
        assertEquals("W(s1 s2 t1 t2 l1 l2)", shape(t.roots()));
        assertEquals(0, t.adopted());
    }

    @Test
    void streamedAndPlainWorkflowRunsGetOneShape() {
        String streamed = shape(TimedTree.of(Trees.fixture("runs/trace_report_workflow_1.json")).roots());
        String plain = shape(TimedTree.of(Trees.fixture("runs/trace_report_workflow_2.json")).roots());
        assertEquals(plain.replaceAll("[0-9a-f]{16}", "x"), streamed.replaceAll("[0-9a-f]{16}", "x"));
        assertEquals(6, TimedTree.of(Trees.fixture("runs/trace_report_workflow_1.json")).adopted());
    }
}
