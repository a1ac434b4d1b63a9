package dev.agentos.traces.render;

import dev.agentos.traces.analysis.Anomalies;
import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.analysis.RobustStats;
import dev.agentos.traces.analysis.RunMetrics.Metric;
import dev.agentos.traces.query.PeriodScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code find_anomalies}: the unusual runs of a window against a baseline, and what is new in it. */
public final class AnomaliesView {

    public static final int DEFAULT_MAX_RUNS = 20;
    public static final int MAX_MAX_RUNS = 100;
    static final int MAX_GROUPS = 30;
    static final int MAX_NEW = 10;

    private AnomaliesView() {
    }

    static final String METHOD = "per agent/team/workflow, median and MAD of each metric over its baseline runs; a run "
            + "is flagged when |z| ≥ " + fmt(Anomalies.MIN_Z) + " (z = (value - median) / (1.4826 × MAD), or 1.2533 × "
            + "mean absolute deviation when MAD is 0) and it is ≥ " + Math.round(Anomalies.MIN_CHANGE * 100)
            + "% from the median; a tool when its failed-span rate rose with p < " + Anomalies.MAX_P
            + " (binomial, at the baseline rate); fewer than " + Anomalies.MIN_BASELINE_RUNS
            + " baseline runs: numbers, no verdict";

    public static String text(Anomalies.Result r, PeriodScan.Periods p, PeriodScan.Stats s, int maxRuns, Hints hints) {
        StringBuilder b = new StringBuilder();
        b.append(r.flaggedTotal()).append(" unusual of ").append(r.windowRuns()).append(r.windowRuns() == 1 ? " run" : " runs")
                .append(" in the window, against ").append(r.baselineRuns()).append(" baseline runs (")
                .append(p.baselineRule()).append(").\n");
        if (!r.flagged().isEmpty()) {
            b.append("Most unusual first:\n");
        }
        int shown = 0;
        for (Anomalies.Flagged f : r.flagged()) {
            if (shown == maxRuns || Text.full(b)) {
                b.append("…[").append(r.flaggedTotal() - shown).append(" more not shown; raise ")
                        .append(hints.arg("max_runs")).append("]\n");
                break;
            }
            shown++;
            b.append(shown).append(". ").append(Text.line(f.component(), 80)).append(' ').append(f.traceId()).append(' ')
                    .append(Text.time(f.start())).append(": ");
            List<String> parts = new ArrayList<>();
            for (Anomalies.Deviation d : f.deviations()) {
                parts.add(label(d.metric()) + " " + value(d.metric(), d.value()) + " vs median "
                        + value(d.metric(), d.median()) + " (" + howFar(d) + ")");
            }
            b.append(String.join("; ", parts)).append('\n');
        }
        if (r.flaggedTotal() > shown && shown < maxRuns && !Text.full(b) && shown == r.flagged().size()) {
            b.append("…[").append(r.flaggedTotal() - shown).append(" less unusual runs not kept]\n");
        }
        for (Anomalies.ToolRate t : r.failingTools()) {
            b.append("Failing more often: ").append(t.component()).append(" tool ").append(t.tool()).append(' ')
                    .append(t.windowFailed()).append('/').append(t.windowCalls()).append(" calls failed (baseline ")
                    .append(t.baselineFailed()).append('/').append(t.baselineCalls()).append(", p ")
                    .append(String.format(Locale.ROOT, "%.1g", t.p())).append(")\n");
        }
        List<ErrorGroups.Group> errors = r.newErrors();
        for (ErrorGroups.Group g : errors.subList(0, Math.min(MAX_NEW, errors.size()))) {
            b.append("New error: ").append(Text.line(g.what(), 80)).append(' ').append(Text.quote(g.pattern(), 160))
                    .append(" ×").append(g.count()).append(" (first ").append(Text.time(g.firstSeen())).append(", trace ")
                    .append(g.exampleTraceIds().isEmpty() ? "?" : g.exampleTraceIds().get(0)).append(")\n");
        }
        if (errors.size() > MAX_NEW) {
            b.append("…[").append(errors.size() - MAX_NEW).append(" more new error shapes]\n");
        }
        novel(b, "New model", r.newModels());
        novel(b, "New tool", r.newTools());
        if (r.flaggedTotal() == 0 && r.failingTools().isEmpty() && errors.isEmpty() && r.newModels().isEmpty()
                && r.newTools().isEmpty()) {
            b.append("Nothing unusual and nothing new.\n");
        }
        b.append("By agent/team/workflow (baseline runs → window runs; medians baseline → window):\n");
        int g = 0;
        for (Anomalies.Group grp : r.groups()) {
            if (g++ == MAX_GROUPS || Text.full(b)) {
                b.append("  …[").append(r.groups().size() - g + 1).append(" more; filter by agent_id/team_id/workflow_id]\n");
                break;
            }
            b.append("  ").append(Text.line(grp.component(), 80)).append(": ").append(grp.baselineRuns()).append(" → ")
                    .append(grp.windowRuns()).append(" runs");
            if (grp.baselineRuns() == 0) {
                b.append(", new: no baseline\n");
                continue;
            }
            b.append(grp.verdict() ? ", " + grp.flaggedRuns() + " flagged" : ", small baseline (under " + Anomalies.MIN_BASELINE_RUNS + " runs): no verdict");
            List<String> parts = new ArrayList<>();
            for (Anomalies.MetricSummary m : grp.metrics()) {
                parts.add(label(m.metric()) + " " + value(m.metric(), m.baseline().median()) + " (MAD "
                        + value(m.metric(), m.baseline().mad()) + ")"
                        + (grp.windowRuns() > 0 ? " → " + value(m.metric(), m.windowMedian()) : ""));
            }
            b.append("; ").append(String.join(", ", parts)).append('\n');
        }
        b.append("How: ").append(METHOD).append(".\n");
        b.append("baseline ").append(ScanView.footer(s.baseline(), TokensView.filterLabel(p.baseline()), hints));
        b.append("inspected ").append(ScanView.footer(s.window(), TokensView.filterLabel(p.window()), hints));
        b.append(hints.traceDetails());
        return b.toString().strip();
    }

    private static void novel(StringBuilder b, String what, List<Anomalies.Novel> list) {
        for (Anomalies.Novel n : list.subList(0, Math.min(MAX_NEW, list.size()))) {
            b.append(what).append(": ").append(Text.line(n.name(), 80)).append(" (").append(n.runs())
                    .append(n.runs() == 1 ? " run" : " runs").append(" of ").append(String.join(", ", n.components()))
                    .append("; first ").append(n.firstTraceId()).append(")\n");
        }
        if (list.size() > MAX_NEW) {
            b.append("…[").append(list.size() - MAX_NEW).append(" more]\n");
        }
    }

    static String label(Metric m) {
        return switch (m) {
            case TOKENS -> "tokens";
            case DURATION -> "duration";
            case LLM_CALLS -> "LLM calls";
            case TOOL_CALLS -> "tool calls";
        };
    }

    /** Durations are kept in microseconds. */
    static String value(Metric m, double v) {
        if (m == Metric.DURATION) {
            return dev.agentos.traces.client.Times.format(Duration.ofNanos(Math.round(v * 1_000)));
        }
        return fmt(v);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String howFar(Anomalies.Deviation d) {
        String z = d.z() == null ? "baseline never varied" : String.format(Locale.ROOT, "z %+.1f", d.z());
        return d.ratio() == null ? z : String.format(Locale.ROOT, "%.2f×, ", d.ratio()) + z;
    }

    static double structuredValue(Metric m, double v) {
        return m == Metric.DURATION ? Math.round(v) / 1000.0 : v;
    }

    public static Map<String, Object> structured(Anomalies.Result r, PeriodScan.Periods p, PeriodScan.Stats s,
            int maxRuns) {
        List<Object> flagged = new ArrayList<>();
        for (Anomalies.Flagged f : r.flagged().subList(0, Math.min(maxRuns, r.flagged().size()))) {
            List<Object> metrics = new ArrayList<>();
            for (Anomalies.Deviation d : f.deviations()) {
                metrics.add(Fields.of().put("metric", key(d.metric())).put("value", structuredValue(d.metric(), d.value()))
                        .put("baseline_median", structuredValue(d.metric(), d.median()))
                        .put("baseline_mad", structuredValue(d.metric(), d.mad()))
                        .put("z", d.z() == null ? null : round(d.z())).put("ratio", d.ratio() == null ? null : round(d.ratio()))
                        .map());
            }
            flagged.add(Fields.of().put("trace_id", f.traceId()).put("component", f.component())
                    .put("start_time", f.start() == null ? null : f.start().toString()).put("metrics", metrics).map());
        }
        List<Object> groups = new ArrayList<>();
        for (Anomalies.Group g : r.groups().subList(0, Math.min(MAX_GROUPS, r.groups().size()))) {
            Fields gf = Fields.of().put("component", g.component()).put("baseline_runs", g.baselineRuns())
                    .put("window_runs", g.windowRuns()).put("verdict", g.verdict()).put("flagged_runs", g.flaggedRuns());
            List<Object> metrics = new ArrayList<>();
            for (Anomalies.MetricSummary m : g.metrics()) {
                RobustStats bs = m.baseline();
                metrics.add(Fields.of().put("metric", key(m.metric()))
                        .put("baseline_median", g.baselineRuns() == 0 ? null : structuredValue(m.metric(), bs.median()))
                        .put("baseline_mad", g.baselineRuns() == 0 ? null : structuredValue(m.metric(), bs.mad()))
                        .put("window_median", g.windowRuns() == 0 ? null : structuredValue(m.metric(), m.windowMedian()))
                        .map());
            }
            gf.put("metrics", metrics);
            List<Object> tools = new ArrayList<>();
            for (Anomalies.ToolRate t : g.tools().subList(0, Math.min(MAX_GROUPS, g.tools().size()))) {
                tools.add(tool(t).map());
            }
            groups.add(gf.put("tools", tools).map());
        }
        List<Object> failing = new ArrayList<>();
        for (Anomalies.ToolRate t : r.failingTools()) {
            failing.add(tool(t).put("component", t.component()).map());
        }
        List<Object> errors = new ArrayList<>();
        for (ErrorGroups.Group g : r.newErrors().subList(0, Math.min(MAX_NEW, r.newErrors().size()))) {
            errors.add(Fields.of().put("what", g.what()).put("error_pattern", g.pattern()).put("count", g.count())
                    .put("first_seen", g.firstSeen() == null ? null : g.firstSeen().toString())
                    .put("example_trace_ids", g.exampleTraceIds()).map());
        }
        return Fields.of().put("baseline_rule", p.baselineRule()).put("baseline_runs", r.baselineRuns())
                .put("window_runs", r.windowRuns()).put("flagged_total", r.flaggedTotal()).put("flagged", flagged)
                .put("flagged_omitted", r.flaggedTotal() - flagged.size())
                .put("groups", groups).put("failing_tools", failing).put("new_errors", errors)
                .put("new_models", novel(r.newModels())).put("new_tools", novel(r.newTools()))
                .put("method", METHOD)
                .put("baseline", ScanView.structured(s.baseline(), p.baseline()))
                .put("window", ScanView.structured(s.window(), p.window())).map();
    }

    private static Fields tool(Anomalies.ToolRate t) {
        return Fields.of().put("tool", t.tool()).put("baseline_calls", t.baselineCalls())
                .put("baseline_failed", t.baselineFailed()).put("window_calls", t.windowCalls())
                .put("window_failed", t.windowFailed()).put("flagged", t.flagged());
    }

    private static List<Object> novel(List<Anomalies.Novel> list) {
        List<Object> out = new ArrayList<>();
        for (Anomalies.Novel n : list.subList(0, Math.min(MAX_NEW, list.size()))) {
            out.add(Fields.of().put("name", n.name()).put("runs", n.runs()).put("first_trace_id", n.firstTraceId())
                    .put("components", n.components()).map());
        }
        return out;
    }

    static String key(Metric m) {
        return m == Metric.DURATION ? "duration_ms" : m.label;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
