package dev.agentos.traces.analysis;

import dev.agentos.traces.analysis.RunMetrics.Metric;
import dev.agentos.traces.client.TraceDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which runs of a window were unusual for their agent, team or workflow, judged against the same
 * component's runs in a baseline window. Feed every baseline trace first ({@link #addBaseline}), then the
 * window's ({@link #addWindow}): each window run is scored as it arrives, so only the flagged ones are kept.
 *
 * <p>A run is flagged on a metric when its modified z-score ({@link RobustStats}) is at least {@link #MIN_Z}
 * and it is at least {@link #MIN_CHANGE} away from the median, and only when its component has at least
 * {@link #MIN_BASELINE_RUNS} baseline runs (fewer: numbers, no verdict). A tool is flagged when its failed-span
 * rate in the window is higher than in the baseline and that many failures would happen by chance with less
 * than {@link #MAX_P} probability at the baseline rate. Error shapes (as {@link ErrorGroups#shape}), tools and
 * models seen in the window but never in the baseline are new.
 */
public final class Anomalies {

    public static final int MIN_BASELINE_RUNS = 10;
    public static final double MIN_Z = 3.5;
    public static final double MIN_CHANGE = 0.25;
    public static final double MAX_P = 0.001;
    /** Flagged runs kept, most unusual first; the count covers all of them. */
    public static final int KEEP = 200;

    /** How far one metric of a run is off. {@code z} null: every baseline value was equal. */
    public record Deviation(Metric metric, long value, double median, double mad, Double z) {
        /** value / median, or null when the median is 0. */
        public Double ratio() {
            return median == 0 ? null : value / median;
        }
    }

    public record Flagged(String traceId, String component, Instant start, List<Deviation> deviations, double score) {
    }

    public record MetricSummary(Metric metric, RobustStats baseline, double windowMedian) {
    }

    /** Calls and failed calls of one tool of one component, in the baseline and the window. */
    public record ToolRate(String component, String tool, int baselineCalls, int baselineFailed, int windowCalls,
            int windowFailed, double p, boolean flagged) {
    }

    /** @param verdict enough baseline runs to judge ({@link #MIN_BASELINE_RUNS}) */
    public record Group(String component, int baselineRuns, int windowRuns, boolean verdict,
            List<MetricSummary> metrics, int flaggedRuns, List<ToolRate> tools) {
    }

    /** A tool or model seen in the window and never in the baseline. */
    public record Novel(String name, int runs, String firstTraceId, Instant firstSeen, List<String> components) {
    }

    public record Result(int baselineRuns, int windowRuns, List<Group> groups, List<Flagged> flagged, int flaggedTotal,
            List<ToolRate> failingTools, List<ErrorGroups.Group> newErrors, List<Novel> newTools,
            List<Novel> newModels) {
    }

    private static final class Acc {
        int runs;
        final EnumMap<Metric, Longs> values = new EnumMap<>(Metric.class);
        final Map<String, int[]> tools = new TreeMap<>();
        int flagged;

        Acc() {
            for (Metric m : Metric.values()) {
                values.put(m, new Longs());
            }
        }

        void add(RunMetrics r) {
            runs++;
            for (Metric m : Metric.values()) {
                values.get(m).add(r.value(m));
            }
            r.tools().forEach((t, c) -> {
                int[] a = tools.computeIfAbsent(t, k -> new int[2]);
                a[0] += c[0];
                a[1] += c[1];
            });
        }
    }

    private static final class NovelAcc {
        int runs;
        String firstTrace;
        Instant first;
        final Set<String> components = new LinkedHashSet<>();

        void add(RunMetrics r) {
            runs++;
            if (firstTrace == null || r.start() != null && (first == null || r.start().isBefore(first))) {
                firstTrace = r.traceId();
                first = r.start();
            }
            if (components.size() < 5) {
                components.add(r.component());
            }
        }
    }

    private final Map<String, Acc> baseline = new TreeMap<>();
    private final Map<String, Acc> window = new TreeMap<>();
    private final ErrorGroups baselineErrors = new ErrorGroups();
    private final ErrorGroups windowErrors = new ErrorGroups();
    private final Set<String> baselineTools = new HashSet<>();
    private final Set<String> baselineModels = new HashSet<>();
    private final Map<String, NovelAcc> newTools = new TreeMap<>();
    private final Map<String, NovelAcc> newModels = new TreeMap<>();
    private Map<String, EnumMap<Metric, RobustStats>> learned;
    private final PriorityQueue<Flagged> top = new PriorityQueue<>(MOST_UNUSUAL_FIRST.reversed());
    private int flaggedTotal;
    private int baselineRuns;
    private int windowRuns;

    static final Comparator<Flagged> MOST_UNUSUAL_FIRST = Comparator.comparingDouble(Flagged::score).reversed()
            .thenComparing(Flagged::traceId);

    public void addBaseline(TraceDetail d) {
        if (learned != null) {
            throw new IllegalStateException("the baseline is complete once the window is being read");
        }
        RunMetrics r = RunMetrics.of(d);
        baselineRuns++;
        baseline.computeIfAbsent(r.component(), k -> new Acc()).add(r);
        baselineTools.addAll(r.tools().keySet());
        baselineModels.addAll(r.models().keySet());
        baselineErrors.add(d);
    }

    public void addWindow(TraceDetail d) {
        if (learned == null) {
            learn();
        }
        RunMetrics r = RunMetrics.of(d);
        windowRuns++;
        Acc w = window.computeIfAbsent(r.component(), k -> new Acc());
        w.add(r);
        windowErrors.add(d);
        for (String t : r.tools().keySet()) {
            if (!baselineTools.contains(t)) {
                newTools.computeIfAbsent(t, k -> new NovelAcc()).add(r);
            }
        }
        for (String m : r.models().keySet()) {
            if (!baselineModels.contains(m)) {
                newModels.computeIfAbsent(m, k -> new NovelAcc()).add(r);
            }
        }
        EnumMap<Metric, RobustStats> stats = learned.get(r.component());
        if (stats == null) {
            return; // no verdict for this component
        }
        List<Deviation> off = new ArrayList<>();
        double score = 0;
        for (Metric m : Metric.values()) {
            RobustStats s = stats.get(m);
            long x = r.value(m);
            Double z = s.z(x);
            boolean far = z == null || Math.abs(z) >= MIN_Z;
            boolean material = s.median() == 0 ? x != 0 : Math.abs(x - s.median()) >= MIN_CHANGE * s.median();
            if (far && material) {
                off.add(new Deviation(m, x, s.median(), s.mad(), z));
                score = Math.max(score, z == null ? Double.MAX_VALUE : Math.abs(z));
            }
        }
        if (!off.isEmpty()) {
            off.sort(Comparator.comparingDouble((Deviation v) -> v.z() == null ? Double.MAX_VALUE : Math.abs(v.z()))
                    .reversed());
            flaggedTotal++;
            w.flagged++;
            top.add(new Flagged(r.traceId(), r.component(), r.start(), List.copyOf(off), score));
            if (top.size() > KEEP) {
                top.poll();
            }
        }
    }

    private void learn() {
        learned = new TreeMap<>();
        baseline.forEach((c, a) -> {
            if (a.runs >= MIN_BASELINE_RUNS) {
                learned.put(c, stats(a));
            }
        });
    }

    private static EnumMap<Metric, RobustStats> stats(Acc a) {
        EnumMap<Metric, RobustStats> s = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            s.put(m, RobustStats.of(a.values.get(m).sorted()));
        }
        return s;
    }

    public Result result() {
        if (learned == null) {
            learn();
        }
        Set<String> components = new java.util.TreeSet<>(baseline.keySet());
        components.addAll(window.keySet());
        List<Group> groups = new ArrayList<>();
        List<ToolRate> failing = new ArrayList<>();
        for (String c : components) {
            Acc b = baseline.get(c);
            Acc w = window.get(c);
            boolean verdict = learned.containsKey(c);
            List<MetricSummary> metrics = new ArrayList<>();
            EnumMap<Metric, RobustStats> bs = b == null ? null : verdict ? learned.get(c) : stats(b);
            for (Metric m : Metric.values()) {
                metrics.add(new MetricSummary(m, bs == null ? RobustStats.of(new long[0]) : bs.get(m),
                        w == null ? 0 : RobustStats.median(w.values.get(m).sorted())));
            }
            List<ToolRate> tools = new ArrayList<>();
            Set<String> names = new java.util.TreeSet<>();
            if (b != null) {
                names.addAll(b.tools.keySet());
            }
            if (w != null) {
                names.addAll(w.tools.keySet());
            }
            for (String t : names) {
                int[] bc = b == null ? new int[2] : b.tools.getOrDefault(t, new int[2]);
                int[] wc = w == null ? new int[2] : w.tools.getOrDefault(t, new int[2]);
                double p = 1;
                boolean flagged = false;
                if (verdict && wc[0] > 0 && (double) wc[1] / wc[0] > (double) bc[1] / Math.max(1, bc[0])) {
                    p = binomialTail(wc[0], wc[1], (bc[1] + 0.5) / (bc[0] + 1.0));
                    flagged = p < MAX_P;
                }
                ToolRate r = new ToolRate(c, t, bc[0], bc[1], wc[0], wc[1], p, flagged);
                tools.add(r);
                if (flagged) {
                    failing.add(r);
                }
            }
            groups.add(new Group(c, b == null ? 0 : b.runs, w == null ? 0 : w.runs, verdict, List.copyOf(metrics),
                    w == null ? 0 : w.flagged, List.copyOf(tools)));
        }
        groups.sort(Comparator.comparingInt(Group::flaggedRuns).reversed()
                .thenComparing(Comparator.comparingInt(Group::windowRuns).reversed()).thenComparing(Group::component));
        failing.sort(Comparator.comparingDouble(ToolRate::p).thenComparing(ToolRate::tool));
        List<Flagged> flagged = new ArrayList<>(top);
        flagged.sort(MOST_UNUSUAL_FIRST);
        Set<String> known = new HashSet<>();
        for (ErrorGroups.Group g : baselineErrors.result().groups()) {
            known.add(key(g));
            known.add(g.kind() + "\u0000" + g.what());
        }
        List<ErrorGroups.Group> newErrors = windowErrors.result().groups().stream()
                .filter(g -> !known.contains(key(g)) && !(silentWithoutOutput(g) && known.contains(g.kind() + "\u0000" + g.what())))
                .toList();
        return new Result(baselineRuns, windowRuns, List.copyOf(groups), List.copyOf(flagged), flaggedTotal,
                List.copyOf(failing), newErrors, novel(newTools), novel(newModels));
    }

    /**
     * A silent LLM failure's shape is the run's output (the provider's message); a trace read without its output
     * cannot be told apart from an earlier failure of the same model, so it is not called new.
     */
    private static boolean silentWithoutOutput(ErrorGroups.Group g) {
        return g.kind() == ErrorGroups.Kind.SILENT_LLM && !g.pattern().contains("; run output: ");
    }

    private static String key(ErrorGroups.Group g) {
        return g.kind() + "\u0000" + g.what() + "\u0000" + g.pattern();
    }

    private static List<Novel> novel(Map<String, NovelAcc> m) {
        List<Novel> out = new ArrayList<>();
        m.forEach((name, a) -> out.add(new Novel(name, a.runs, a.firstTrace, a.first, List.copyOf(a.components))));
        out.sort(Comparator.comparingInt(Novel::runs).reversed().thenComparing(Novel::name));
        return List.copyOf(out);
    }

    /** P(X >= k) for X ~ Binomial(n, p). */
    static double binomialTail(int n, int k, double p) {
        if (k <= 0) {
            return 1;
        }
        if (p >= 1) {
            return 1;
        }
        // log of the k-th term, then the rest by ratios
        double logTerm = 0;
        for (int j = 1; j <= k; j++) {
            logTerm += Math.log((double) (n - k + j) / j);
        }
        logTerm += k * Math.log(p) + (n - k) * Math.log1p(-p);
        double term = Math.exp(logTerm);
        double sum = 0;
        for (int i = k; i <= n && term > 0; i++) {
            sum += term;
            term *= (double) (n - i) / (i + 1) * p / (1 - p);
        }
        return Math.min(1, sum);
    }
}
