package dev.agentos.traces.analysis;

import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A trace's spans on one time axis, with parents fixed where time contradicts the declared ones. In a streamed
 * agno workflow run an agent's LLM and TOOL spans are children of the workflow step, siblings of the AGENT span
 * they ran in; here an AGENT or TEAM span adopts the LLM and TOOL siblings that ran inside its time, and a TOOL
 * span adopts the AGENT or TEAM siblings that ran inside it (a team's delegation tool runs its member). Nothing
 * else moves, so parallel steps or tools stay siblings. A span without a usable start and end stays in place,
 * untimed; {@link #timed} looks through it to its children.
 */
public final class TimedTree {

    /** One span; times are nanoseconds from {@link #origin()}, meaningful only when {@link #timed()}. */
    public static final class Node {
        private final TraceNode span;
        private final boolean timed;
        private final long start;
        private final long end;
        private final List<Node> children = new ArrayList<>();
        private final List<Node> view = Collections.unmodifiableList(children);
        private final boolean llm;
        private final boolean tool;
        private boolean adopted;

        Node(TraceNode span, boolean timed, long start, long end) {
            this.span = span;
            this.timed = timed;
            this.start = start;
            this.end = end;
            this.llm = span.isLlm();
            this.tool = span.isTool();
        }

        boolean llm() {
            return llm;
        }

        boolean tool() {
            return tool;
        }

        public TraceNode span() {
            return span;
        }

        public boolean timed() {
            return timed;
        }

        public long start() {
            return start;
        }

        public long end() {
            return end;
        }

        public long length() {
            return end - start;
        }

        /** In start order, adopted spans included. */
        public List<Node> children() {
            return view;
        }

        /** Time, not its declared parent, put it here. */
        public boolean adopted() {
            return adopted;
        }

        String type() {
            return span.type() == null ? "" : span.type();
        }
    }

    private static final Comparator<Node> START_ORDER = Comparator.comparingLong((Node n) -> n.timed ? n.start : Long.MAX_VALUE)
            .thenComparing(Comparator.comparingLong((Node n) -> n.timed ? n.end : 0).reversed());

    private final Instant origin;
    private final List<Node> roots;
    private int untimed;
    private int adopted;
    private int spans;

    private TimedTree(Instant origin, List<TraceNode> declared) {
        this.origin = origin;
        this.roots = build(declared);
        adopt(roots);
    }

    public static TimedTree of(TraceDetail d) {
        return of(d.tree());
    }

    public static TimedTree of(List<TraceNode> roots) {
        return new TimedTree(origin(roots), roots);
    }

    /** The earliest start of any span, or the epoch when none has one. */
    static Instant origin(List<TraceNode> roots) {
        Instant[] first = {null};
        for (TraceNode r : roots) {
            r.walk(n -> {
                if (n.startTime() != null && (first[0] == null || n.startTime().isBefore(first[0]))) {
                    first[0] = n.startTime();
                }
            });
        }
        return first[0] == null ? Instant.EPOCH : first[0];
    }

    /** The earliest start of any span: time zero. */
    public Instant origin() {
        return origin;
    }

    /** The declared roots, in start order. */
    public List<Node> roots() {
        return Collections.unmodifiableList(roots);
    }

    /** Spans left untimed (no start, or no end and no duration). */
    public int untimed() {
        return untimed;
    }

    /** Spans moved under a sibling that contains them in time. */
    public int adopted() {
        return adopted;
    }

    public int spans() {
        return spans;
    }

    /** The timed nodes among {@code nodes}, looking through untimed ones to their children, in start order. */
    public static List<Node> timed(List<Node> nodes) {
        boolean all = true;
        for (Node n : nodes) {
            all &= n.timed;
        }
        if (all) {
            return nodes;
        }
        List<Node> out = new ArrayList<>();
        addTimed(nodes, out);
        out.sort(START_ORDER);
        return out;
    }

    private static void addTimed(List<Node> nodes, List<Node> out) {
        for (Node n : nodes) {
            if (n.timed) {
                out.add(n);
            } else {
                addTimed(n.children, out);
            }
        }
    }

    /** Earliest start and latest end of the timed roots; null when no span has both. */
    public long[] window() {
        long s = Long.MAX_VALUE;
        long e = Long.MIN_VALUE;
        for (Node r : timed(roots)) {
            s = Math.min(s, r.start);
            e = Math.max(e, r.end);
        }
        return s > e ? null : new long[] {s, e};
    }

    private List<Node> build(List<TraceNode> declared) {
        List<Node> out = new ArrayList<>(declared.size());
        long[] iv = new long[2];
        for (int i = 0, k = declared.size(); i < k; i++) {
            TraceNode t = declared.get(i);
            spans++;
            Node n = interval(t, origin, iv) ? new Node(t, true, iv[0], iv[1]) : new Node(t, false, 0, 0);
            if (!n.timed) {
                untimed++;
            }
            if (!t.spans().isEmpty()) {
                n.children.addAll(build(t.spans()));
            }
            out.add(n);
        }
        return out;
    }

    /**
     * A span's start and end in nanoseconds from {@code origin}, into {@code out}: false when it has no start, or
     * neither an end (at or after the start) nor a duration to take one from.
     */
    static boolean interval(TraceNode t, Instant origin, long[] out) {
        if (t.startTime() == null) {
            return false;
        }
        long s = nanos(t.startTime(), origin);
        long e = t.endTime() == null ? Long.MIN_VALUE : nanos(t.endTime(), origin);
        if (s == Long.MIN_VALUE) {
            return false;
        }
        if (e == Long.MIN_VALUE || e < s) {
            Duration d = Times.parseDuration(t.durationText());
            if (d == null || d.isNegative()) {
                return false;
            }
            try {
                e = Math.addExact(s, d.toNanos());
            } catch (ArithmeticException tooLong) {
                return false;
            }
        }
        out[0] = s;
        out[1] = e;
        return true;
    }

    /** Nanoseconds from {@code origin}; {@code Long.MIN_VALUE} when centuries apart (not a time we can place). */
    private static long nanos(Instant t, Instant origin) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond() - origin.getEpochSecond(), 1_000_000_000L),
                    (long) t.getNano() - origin.getNano());
        } catch (ArithmeticException tooFar) {
            return Long.MIN_VALUE;
        }
    }

    private void adopt(List<Node> level) {
        List<Node> agents = new ArrayList<>();
        List<Node> tools = new ArrayList<>();
        for (Node n : level) {
            if (n.timed && ("AGENT".equals(n.type()) || "TEAM".equals(n.type()))) {
                agents.add(n);
            } else if (n.timed && "TOOL".equals(n.type())) {
                tools.add(n);
            }
        }
        if (!agents.isEmpty()) {
            boolean moved = false;
            for (int i = 0; i < level.size(); i++) {
                Node x = level.get(i);
                if (!x.timed) {
                    continue;
                }
                String type = x.type();
                List<Node> hosts = "LLM".equals(type) || "TOOL".equals(type) ? agents
                        : "AGENT".equals(type) || "TEAM".equals(type) ? tools : List.of();
                Node host = tightest(hosts, x);
                if (host != null) {
                    host.children.add(x);
                    x.adopted = true;
                    adopted++;
                    level.set(i, null);
                    moved = true;
                }
            }
            if (moved) {
                level.removeIf(n -> n == null);
                for (Node h : agents) {
                    h.children.sort(START_ORDER);
                }
                for (Node h : tools) {
                    h.children.sort(START_ORDER);
                }
            }
        }
        for (Node n : level) {
            adopt(n.children);
        }
    }

    /** The shortest of {@code hosts} that holds {@code x} within its time and is longer than it. */
    private static Node tightest(List<Node> hosts, Node x) {
        Node best = null;
        for (Node h : hosts) {
            if (h != x && h.start <= x.start && x.end <= h.end && h.length() > x.length()
                    && (best == null || h.length() < best.length())) {
                best = h;
            }
        }
        return best;
    }
}
