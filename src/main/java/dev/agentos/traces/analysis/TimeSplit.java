package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where wall time went, by what was happening rather than by tree position: every instant of a window counts
 * once, as LLM while any LLM span is running, else as tool while any TOOL span is, else as other (framework,
 * agent logic, waiting). Computed from the union of the spans' intervals, so parallel calls are not counted
 * twice and misplaced parents do not matter; llm + tool + other is exactly the window.
 */
public record TimeSplit(Duration wall, Duration llm, Duration tool, Duration other) {

    public static final TimeSplit NONE = new TimeSplit(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** LLM, tool and other in whole percent, adding up to 100 (all 0 for an empty window). */
    public int[] percents() {
        return Shares.percents(llm.toNanos(), tool.toNanos(), other.toNanos());
    }

    /** LLM, tool and other in tenths of a percent, adding up to 1000. */
    public int[] tenths() {
        return Shares.tenths(llm.toNanos(), tool.toNanos(), other.toNanos());
    }

    /** One AGENT, TEAM or WORKFLOW span (a workflow step, a team member, an agent run) over its own window. */
    public record Step(TraceNode span, int depth, TimeSplit split) {
    }

    /** @param trace the whole trace's window (earliest start to latest end); steps in tree order */
    public record Result(TimeSplit trace, List<Step> steps) {
    }

    public static Result of(TraceDetail d) {
        return of(TimedTree.of(d));
    }

    public static Result of(TimedTree t) {
        long[] w = t.window();
        if (w == null) {
            return new Result(NONE, List.of());
        }
        Intervals all = new Intervals();
        for (TimedTree.Node r : t.roots()) {
            collect(r, all);
        }
        List<Step> steps = new ArrayList<>();
        for (TimedTree.Node r : t.roots()) {
            steps(r, 0, true, steps);
        }
        return new Result(split(w[0], w[1], all), List.copyOf(steps));
    }

    /** Just the whole trace's split: what a scan over many traces needs. */
    public static TimeSplit ofTrace(TraceDetail d) {
        TimedTree t = TimedTree.of(d);
        long[] w = t.window();
        if (w == null) {
            return NONE;
        }
        Intervals all = new Intervals();
        for (TimedTree.Node r : t.roots()) {
            collect(r, all);
        }
        return split(w[0], w[1], all);
    }

    private static void steps(TimedTree.Node n, int depth, boolean root, List<Step> out) {
        String type = n.span().type();
        if (!root && n.timed() && ("AGENT".equals(type) || "TEAM".equals(type) || "WORKFLOW".equals(type))) {
            Intervals inside = new Intervals();
            for (TimedTree.Node c : n.children()) {
                collect(c, inside);
            }
            out.add(new Step(n.span(), depth, split(n.start(), n.end(), inside)));
        }
        for (TimedTree.Node c : n.children()) {
            steps(c, depth + 1, false, out);
        }
    }

    private static void collect(TimedTree.Node n, Intervals out) {
        if (n.timed()) {
            if (n.span().isLlm()) {
                out.llm.add(n.start(), n.end());
            } else if (n.span().isTool()) {
                out.tool.add(n.start(), n.end());
            }
        }
        for (TimedTree.Node c : n.children()) {
            collect(c, out);
        }
    }

    private static TimeSplit split(long from, long to, Intervals iv) {
        long[] llm = iv.llm.union(from, to);
        long[] tool = iv.tool.union(from, to);
        long llmNanos = length(llm);
        long toolNanos = length(tool) - overlap(llm, tool);
        long wall = to - from;
        return new TimeSplit(Duration.ofNanos(wall), Duration.ofNanos(llmNanos), Duration.ofNanos(toolNanos),
                Duration.ofNanos(wall - llmNanos - toolNanos));
    }

    private static long length(long[] merged) {
        long sum = 0;
        for (int i = 0; i < merged.length; i += 2) {
            sum += merged[i + 1] - merged[i];
        }
        return sum;
    }

    /** Total overlap of two merged interval lists. */
    private static long overlap(long[] a, long[] b) {
        long sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            long s = Math.max(a[i], b[j]);
            long e = Math.min(a[i + 1], b[j + 1]);
            if (e > s) {
                sum += e - s;
            }
            if (a[i + 1] < b[j + 1]) {
                i += 2;
            } else {
                j += 2;
            }
        }
        return sum;
    }

    private static final class Intervals {
        final Bag llm = new Bag();
        final Bag tool = new Bag();
    }

    /** Intervals as start, end pairs in one array. */
    private static final class Bag {
        long[] v = new long[16];
        int n;

        void add(long s, long e) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = s;
            v[n++] = e;
        }

        /** Clipped to [from, to], sorted and merged: start, end pairs. */
        long[] union(long from, long to) {
            int k = n / 2;
            long[][] iv = new long[k][];
            int m = 0;
            for (int i = 0; i < n; i += 2) {
                long s = Math.max(v[i], from);
                long e = Math.min(v[i + 1], to);
                if (e > s) {
                    iv[m++] = new long[] {s, e};
                }
            }
            Arrays.sort(iv, 0, m, (x, y) -> Long.compare(x[0], y[0]));
            long[] out = new long[2 * m];
            int o = 0;
            for (int i = 0; i < m; i++) {
                if (o > 0 && iv[i][0] <= out[o - 1]) {
                    out[o - 1] = Math.max(out[o - 1], iv[i][1]);
                } else {
                    out[o++] = iv[i][0];
                    out[o++] = iv[i][1];
                }
            }
            return Arrays.copyOf(out, o);
        }
    }
}
