package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chain of work that held a trace open, computed the way Jaeger does: from a span's end, take the child that
 * finished last, walk into it, then take the child that finished before that one started, and so on; time no
 * child covers is the parent's own. Spans are placed by time first ({@link TimedTree}), then sanitized as Jaeger
 * does: a child that overflows its parent is clipped to it, one wholly outside it is dropped with its children.
 * Several roots sit under one stand-in spanning them all ({@code span == null}: time no root covers). The
 * sections are contiguous and cover the trace's window exactly once.
 */
public final class CriticalPath {

    private CriticalPath() {
    }

    /**
     * A stretch of time during which {@code span} was what the trace waited for.
     *
     * @param span null for time between several roots
     * @param depth in the time-placed tree (0 for a root)
     * @param from nanoseconds from the start of the trace's window
     */
    public record Section(TraceNode span, int depth, long from, long to) {

        public Duration length() {
            return Duration.ofNanos(to - from);
        }
    }

    /**
     * @param wall the window the sections cover (earliest start to latest end of the roots)
     * @param sections in time order
     * @param dropped spans left out for lying wholly outside their parent
     * @param untimed spans without start and end time (their children still count)
     * @param adopted spans placed under a sibling that contains them in time
     */
    public record Result(Duration wall, List<Section> sections, int dropped, int untimed, int adopted) {
    }

    public static Result of(TraceDetail d) {
        return of(TimedTree.of(d));
    }

    public static Result of(TimedTree t) {
        long[] w = t.window();
        if (w == null) {
            return new Result(Duration.ZERO, List.of(), 0, t.untimed(), t.adopted());
        }
        List<TimedTree.Node> roots = TimedTree.timed(t.roots());
        Walk walk = new Walk();
        if (roots.size() == 1) {
            walk.span(roots.get(0), roots.get(0).start(), roots.get(0).end(), 0);
        } else {
            walk.level(null, -1, w[0], w[1], roots);
        }
        List<Section> sections = new ArrayList<>(walk.out.size());
        for (int i = walk.out.size() - 1; i >= 0; i--) {
            Section s = walk.out.get(i);
            sections.add(new Section(s.span(), s.depth(), s.from() - w[0], s.to() - w[0]));
        }
        return new Result(Duration.ofNanos(w[1] - w[0]), List.copyOf(sections), walk.dropped, t.untimed(), t.adopted());
    }

    private static final class Walk {
        final List<Section> out = new ArrayList<>(); // latest first while walking
        int dropped;

        /** A span clipped to [from, to]: its children clipped to that, outsiders dropped, then the walk. */
        void span(TimedTree.Node n, long from, long to, int depth) {
            List<TimedTree.Node> all = TimedTree.timed(n.children());
            List<long[]> kept = new ArrayList<>(all.size());
            List<TimedTree.Node> keptNodes = new ArrayList<>(all.size());
            for (TimedTree.Node c : all) {
                boolean outside = c.start() >= from ? c.start() >= to : c.end() <= from;
                if (outside) {
                    dropped += 1 + count(c);
                    continue;
                }
                kept.add(new long[] {Math.max(c.start(), from), Math.min(c.end(), to)});
                keptNodes.add(c);
            }
            level(n.span(), depth, from, to, keptNodes, kept);
        }

        void level(TraceNode parent, int depth, long from, long to, List<TimedTree.Node> roots) {
            List<long[]> iv = new ArrayList<>();
            for (TimedTree.Node r : roots) {
                iv.add(new long[] {r.start(), r.end()});
            }
            level(parent, depth, from, to, roots, iv);
        }

        /**
         * The walk over one span's (clipped) children, from its end backwards. Under the stand-in for several roots
         * ({@code parent == null}) a root still running at the cursor is taken up to it, so overlapping roots are
         * not shown as time no span covers.
         */
        private void level(TraceNode parent, int depth, long from, long to, List<TimedTree.Node> kids, List<long[]> iv) {
            Integer[] byEnd = new Integer[kids.size()];
            for (int i = 0; i < byEnd.length; i++) {
                byEnd[i] = i;
            }
            // latest end first; of equal ends the longer one, which covers more of the parent
            Arrays.sort(byEnd, (x, y) -> iv.get(x)[1] != iv.get(y)[1] ? Long.compare(iv.get(y)[1], iv.get(x)[1])
                    : Long.compare(iv.get(x)[0], iv.get(y)[0]));
            boolean[] used = new boolean[byEnd.length];
            long cursor = to;
            int i = 0;
            while (true) {
                while (i < byEnd.length && (used[byEnd[i]] || iv.get(byEnd[i])[1] > cursor)) {
                    i++; // overlaps the child already on the path: it did not hold the parent open
                }
                int k = i < byEnd.length ? byEnd[i] : -1;
                if (parent == null) {
                    for (Integer c : byEnd) {
                        if (!used[c] && iv.get(c)[0] < cursor) {
                            k = c;
                            break;
                        }
                    }
                }
                if (k < 0) {
                    add(parent, depth, from, cursor);
                    return;
                }
                used[k] = true;
                long[] c = iv.get(k);
                long end = Math.min(c[1], cursor);
                add(parent, depth, end, cursor);
                span(kids.get(k), c[0], end, depth + 1);
                cursor = c[0];
            }
        }

        private void add(TraceNode span, int depth, long from, long to) {
            if (to <= from) {
                return;
            }
            if (!out.isEmpty()) {
                Section last = out.get(out.size() - 1);
                if (last.span() == span && last.from() == to) {
                    out.set(out.size() - 1, new Section(span, depth, from, last.to()));
                    return;
                }
            }
            out.add(new Section(span, depth, from, to));
        }

        private static int count(TimedTree.Node n) {
            int c = 0;
            for (TimedTree.Node k : n.children()) {
                c += 1 + count(k);
            }
            return c;
        }
    }
}
