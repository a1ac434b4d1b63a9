package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.testsupport.Trees;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random trees of every shape AgentOS might send (children outliving or preceding their parents, overlapping
 * siblings, missing timestamps, several roots): the split always adds up to the wall time, the critical path
 * always tiles it once with each section inside its span's own time, and a trace compared with itself is alike.
 */
class TimeAnswersPropertyTest {

    static final String[] TYPES = {"AGENT", "TEAM", "WORKFLOW", "LLM", "TOOL", "LLM", "TOOL"};

    static TraceDetail randomTrace(long seed) {
        Random r = new Random(seed);
        int[] id = {0};
        List<TraceNode> roots = new ArrayList<>();
        for (int i = 0, n = 1 + (r.nextInt(5) == 0 ? r.nextInt(3) : 0); i < n; i++) {
            roots.add(node(r, id, 0, r.nextInt(200), 3 + r.nextInt(3)));
        }
        return Trees.trace(roots.toArray(new TraceNode[0]));
    }

    static TraceNode node(Random r, int[] id, long around, int span, int depthLeft) {
        long start = around + r.nextInt(span + 1) - (r.nextInt(6) == 0 ? r.nextInt(50) : 0);
        long end = start + r.nextInt(Math.max(1, span)) + (r.nextInt(6) == 0 ? r.nextInt(80) : 0);
        List<TraceNode> kids = new ArrayList<>();
        int n = depthLeft == 0 ? 0 : r.nextInt(5);
        for (int i = 0; i < n; i++) {
            kids.add(node(r, id, start, (int) Math.max(1, end - start), depthLeft - 1));
        }
        Instant s = r.nextInt(12) == 0 ? null : Trees.at(start / 1000.0 * 1000 + r.nextInt(1000) / 1000.0);
        Instant e = r.nextInt(12) == 0 ? null : Trees.at(end);
        return new TraceNode(String.format("%016x", id[0]++), "s" + id[0], TYPES[r.nextInt(TYPES.length)],
                r.nextInt(10) == 0 ? "ERROR" : "OK", r.nextBoolean() ? null : "3ms", s, e, null, null, null, null,
                Map.of(), kids);
    }

    @Property(tries = 1500)
    void theSplitAddsUpAndThePathTilesTheWallTimeOnce(@ForAll long seed) {
        TraceDetail d = randomTrace(seed);
        TimedTree t = TimedTree.of(d);
        TimeSplit.Result split = TimeSplit.of(t);
        assertAddsUp(split.trace());
        assertEquals(split.trace(), TimeSplit.ofTrace(d), "the flat walk agrees with the placed tree");
        split.steps().forEach(st -> assertAddsUp(st.split()));

        CriticalPath.Result p = CriticalPath.of(t);
        long[] w = t.window();
        assertEquals(w == null ? 0 : w[1] - w[0], p.wall().toNanos());
        assertEquals(split.trace().wall(), p.wall());
        Map<String, long[]> own = new HashMap<>();
        collect(t.roots(), own);
        long at = 0;
        for (CriticalPath.Section s : p.sections()) {
            assertEquals(at, s.from(), "contiguous");
            assertTrue(s.to() > s.from(), "not empty");
            at = s.to();
            if (s.span() != null) {
                long[] iv = own.get(s.span().id());
                assertTrue(iv[0] <= s.from() + w[0] && s.to() + w[0] <= iv[1], "a section lies within its span's time");
            }
        }
        assertEquals(p.wall().toNanos(), at, "covers the wall time once");

        for (Bottlenecks.SpanTime s : Bottlenecks.of(d).spans()) {
            assertTrue(!s.selfTime().isNegative() && s.selfTime().compareTo(s.duration()) <= 0, s.toString());
        }
        TraceDiff.Result same = TraceDiff.of(d, d);
        assertTrue(same.sameShape() && same.differences().isEmpty() && same.failedInOne().isEmpty());
    }

    static void collect(List<TimedTree.Node> nodes, Map<String, long[]> out) {
        for (TimedTree.Node n : nodes) {
            if (n.timed()) {
                out.put(n.span().id(), new long[] {n.start(), n.end()});
            }
            collect(n.children(), out);
        }
    }

    static void assertAddsUp(TimeSplit s) {
        assertEquals(s.wall(), s.llm().plus(s.tool()).plus(s.other()));
        assertTrue(!s.llm().isNegative() && !s.tool().isNegative() && !s.other().isNegative(), s.toString());
        int[] p = s.percents();
        assertEquals(s.wall().isZero() ? 0 : 100, p[0] + p[1] + p[2]);
        assertTrue(s.wall().compareTo(Duration.ZERO) >= 0);
    }
}
