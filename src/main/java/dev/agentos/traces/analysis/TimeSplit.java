package dev.agentos.traces.analysis;

import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * Just the whole trace's split, what {@code get_trace} and a scan over many traces need: the same numbers as
     * {@code of(d).trace()} without placing spans in a tree (where they sit does not change it).
     */
    public static TimeSplit ofTrace(TraceDetail d) {
        // any origin will do for lengths: the trace's own start spares a walk to find the earliest span
        Instant origin = d.summary().startTime() != null ? d.summary().startTime() : TimedTree.origin(d.tree());
        Intervals all = new Intervals();
        long[] window = {Long.MAX_VALUE, Long.MIN_VALUE};
        long[] iv = new long[2];
        for (TraceNode r : d.tree()) {
            flat(r, origin, true, window, all, iv);
        }
        return window[0] > window[1] ? NONE : split(window[0], window[1], all);
    }

    /** @param top no timed span above: its interval bounds the window */
    private static void flat(TraceNode n, Instant origin, boolean top, long[] window, Intervals out, long[] iv) {
        boolean timed = TimedTree.interval(n, origin, iv);
        if (timed) {
            if (top) {
                window[0] = Math.min(window[0], iv[0]);
                window[1] = Math.max(window[1], iv[1]);
            }
            if (n.isLlm()) {
                out.llm.add(iv[0], iv[1]);
            } else if (n.isTool()) {
                out.tool.add(iv[0], iv[1]);
            }
        }
        List<TraceNode> kids = n.spans();
        for (int i = 0, k = kids.size(); i < k; i++) {
            flat(kids.get(i), origin, top && !timed, window, out, iv);
        }
    }

    private static void steps(TimedTree.Node n, int depth, boolean root, List<Step> out) {
        if (n.llm()) {
            return; // holds no agent run (a TOOL span may: a team's delegation tool adopts its member's)
        }
        String type = n.span().type();
        if (!root && n.timed() && ("AGENT".equals(type) || "TEAM".equals(type) || "WORKFLOW".equals(type))) {
            Intervals inside = new Intervals();
            for (TimedTree.Node c : n.children()) {
                collect(c, inside);
            }
            out.add(new Step(n.span(), depth, split(n.start(), n.end(), inside)));
        }
        List<TimedTree.Node> kids = n.children();
        for (int i = 0, k = kids.size(); i < k; i++) {
            steps(kids.get(i), depth + 1, false, out);
        }
    }

    private static void collect(TimedTree.Node n, Intervals out) {
        if (n.timed()) {
            if (n.llm()) {
                out.llm.add(n.start(), n.end());
            } else if (n.tool()) {
                out.tool.add(n.start(), n.end());
            }
        }
        List<TimedTree.Node> kids = n.children();
        for (int i = 0, k = kids.size(); i < k; i++) {
            collect(kids.get(i), out);
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

    /** Intervals as two arrays of starts and ends. */
    private static final class Bag {
        long[] starts = new long[8];
        long[] ends = new long[8];
        int n;

        void add(long s, long e) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = s;
            ends[n++] = e;
        }

        /** Clipped to [from, to], merged: start, end pairs in time order. */
        long[] union(long from, long to) {
            return TimeSplit.union(starts, ends, n, from, to);
        }
    }

    /**
     * The union of {@code n} intervals clipped to [from, to], as start, end pairs in time order: starts and ends are
     * sorted apart and swept with a count of open intervals, so nothing is allocated per interval.
     */
    static long[] union(long[] starts, long[] ends, int n, long from, long to) {
        long[] s = new long[n];
        long[] e = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long a = Math.max(starts[i], from);
            long b = Math.min(ends[i], to);
            if (b > a) {
                s[m] = a;
                e[m++] = b;
            }
        }
        Arrays.sort(s, 0, m);
        Arrays.sort(e, 0, m);
        long[] out = new long[2 * m];
        int o = 0;
        int open = 0;
        int i = 0;
        int j = 0;
        while (j < m) {
            if (i < m && s[i] <= e[j]) { // a start at the same instant as an end joins the two
                if (open++ == 0) {
                    if (o > 0 && out[o - 1] == s[i]) {
                        o--; // touching the previous stretch: extend it
                    } else {
                        out[o++] = s[i];
                    }
                }
                i++;
            } else {
                if (--open == 0) {
                    out[o++] = e[j];
                }
                j++;
            }
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    /** Length of the union of {@code n} intervals clipped to [from, to]. */
    static long covered(long[] starts, long[] ends, int n, long from, long to) {
        long[] u = union(starts, ends, n, from, to);
        long sum = 0;
        for (int k = 0; k < u.length; k += 2) {
            sum += u[k + 1] - u[k];
        }
        return sum;
    }
}
