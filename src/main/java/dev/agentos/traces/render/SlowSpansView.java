package dev.agentos.traces.render;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.analysis.CriticalPath;
import dev.agentos.traces.analysis.Shares;
import dev.agentos.traces.analysis.SpanNames;
import dev.agentos.traces.analysis.TimeSplit;
import dev.agentos.traces.analysis.TimeSplitStats;
import dev.agentos.traces.analysis.SpanLatency;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code slow_spans}: one trace's time split, critical path and slowest spans, or latency by span and the time split
 * by agent, team and workflow across traces.
 */
public final class SlowSpansView {

    public static final int DEFAULT_TOP = 10;
    public static final int MAX_TOP = 100;
    static final int PATH_ROWS = 30;

    private SlowSpansView() {
    }

    static String share(Duration part, Duration total) {
        if (total == null || total.isZero()) {
            return "?%";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part.toNanos() / total.toNanos());
    }

    static double shareValue(Duration part, Duration total) {
        return total == null || total.isZero() ? 0 : Math.round(1000.0 * part.toNanos() / total.toNanos()) / 10.0;
    }

    /** How the critical path is found, said in the answer. */
    static final String PATH_METHOD = "Jaeger's walk: from a span's end, the child that finished last, then the one "
            + "that finished before it started, and so on; time no child covers is the parent's own";

    public static String text(TraceDetail d, Bottlenecks.Result r, int top, Hints hints) {
        StringBuilder b = new StringBuilder();
        b.append("Trace ").append(d.traceId()).append(" (").append(d.summary().name()).append("): ")
                .append(Times.format(r.total())).append(", ").append(r.spans().size()).append(" spans\n");
        b.append("time: ").append(TimeSplitView.text(r.split().trace()))
                .append(" (each instant once: LLM while any LLM call runs, else tool, else other)\n");
        List<TimeSplit.Step> steps = r.split().steps();
        if (!steps.isEmpty()) {
            b.append("by step, agent and team (each over its own window):\n");
            int shown = 0;
            for (TimeSplit.Step st : steps) {
                if (shown == PATH_ROWS || Text.full(b)) {
                    b.append("  …[").append(steps.size() - shown).append(" more not shown]\n");
                    break;
                }
                shown++;
                b.append("  ").append("  ".repeat(Math.min(st.depth() - 1, 10))).append(st.span().type()).append(' ')
                        .append(Text.line(SpanNames.label(st.span().name()), 80)).append(' ')
                        .append(Times.format(st.split().wall())).append(": ").append(TimeSplitView.text(st.split()))
                        .append('\n');
            }
        }
        CriticalPath.Result p = r.path();
        b.append("critical path (").append(PATH_METHOD).append(pathNotes(p)).append("):\n");
        int[] tenths = shares(p);
        for (int i = 0; i < p.sections().size(); i++) {
            CriticalPath.Section s = p.sections().get(i);
            if (i == PATH_ROWS || Text.full(b)) {
                b.append("  …[").append(p.sections().size() - i).append(" later sections not shown]\n");
                break;
            }
            b.append("  at ").append(Times.format(Duration.ofNanos(s.from()))).append(": ")
                    .append(Times.format(s.length())).append(" (").append(tenths[i] / 10).append('.')
                    .append(tenths[i] % 10).append("%) ").append("  ".repeat(Math.max(0, Math.min(s.depth(), 10))));
            if (s.span() == null) {
                b.append("(no span: between roots)\n");
            } else {
                b.append(s.span().type()).append(' ').append(Text.line(s.span().name(), 80)).append(" [")
                        .append(s.span().id()).append("]\n");
            }
        }
        b.append("slowest spans by own time (excluding their children):\n");
        int listed = 0;
        for (Bottlenecks.SpanTime s : r.spans().subList(0, Math.min(top, r.spans().size()))) {
            if (Text.full(b)) {
                break;
            }
            listed++;
            b.append("  ").append(share(s.selfTime(), r.total())).append(' ').append(Times.format(s.selfTime()))
                    .append(" own of ").append(Times.format(s.duration())).append(" | ").append(s.type()).append(' ')
                    .append(Text.line(s.name(), 80)).append(" [").append(s.spanId()).append(']')
                    .append("ERROR".equals(s.status()) ? " ERROR" : "").append('\n');
        }
        if (r.spans().size() > listed) {
            b.append("…[").append(r.spans().size() - listed).append(" faster spans not shown")
                    .append(listed < top ? " (text budget)" : "; raise " + hints.arg("top")).append("]\n");
        }
        b.append(hints.oneSpan(d.traceId()));
        return b.toString();
    }

    private static String pathNotes(CriticalPath.Result p) {
        StringBuilder b = new StringBuilder();
        if (p.adopted() > 0) {
            b.append("; ").append(p.adopted()).append(p.adopted() == 1 ? " span placed under the sibling it ran inside"
                    : " spans placed under the sibling they ran inside");
        }
        if (p.dropped() > 0) {
            b.append("; ").append(p.dropped()).append(" wholly outside their parent left out");
        }
        if (p.untimed() > 0) {
            b.append("; ").append(p.untimed()).append(" without timestamps left out");
        }
        return b.toString();
    }

    private static int[] shares(CriticalPath.Result p) {
        long[] parts = new long[p.sections().size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = p.sections().get(i).length().toNanos();
        }
        return Shares.tenths(parts);
    }

    private static Map<String, Object> span(Bottlenecks.SpanTime s, Duration total) {
        return Fields.of().put("span_id", s.spanId()).put("name", s.name()).put("type", s.type())
                .put("status", s.status()).put("duration_ms", Times.millis(s.duration()))
                .put("self_ms", Times.millis(s.selfTime())).put("self_share_pct", shareValue(s.selfTime(), total))
                .put("depth", s.depth()).map();
    }

    public static Map<String, Object> structured(TraceDetail d, Bottlenecks.Result r, int top) {
        List<Object> steps = new ArrayList<>();
        for (TimeSplit.Step st : r.split().steps().subList(0, Math.min(MAX_TOP, r.split().steps().size()))) {
            steps.add(Fields.of().put("span_id", st.span().id()).put("name", st.span().name())
                    .put("type", st.span().type()).put("split", TimeSplitView.fields(st.split())).map());
        }
        List<CriticalPath.Section> sections = r.path().sections();
        int[] tenths = shares(r.path());
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_TOP, sections.size()); i++) {
            CriticalPath.Section s = sections.get(i);
            path.add(Fields.of().put("span_id", s.span() == null ? null : s.span().id())
                    .put("name", s.span() == null ? null : s.span().name())
                    .put("type", s.span() == null ? null : s.span().type()).put("depth", s.depth())
                    .put("at_ms", Times.millis(Duration.ofNanos(s.from()))).put("ms", Times.millis(s.length()))
                    .put("pct", tenths[i] / 10.0).map());
        }
        List<Object> slow = new ArrayList<>();
        for (Bottlenecks.SpanTime s : r.spans().subList(0, Math.min(top, r.spans().size()))) {
            slow.add(span(s, r.total()));
        }
        return Fields.of().put("scope", "trace").put("trace_id", d.traceId()).put("name", d.summary().name())
                .put("duration_ms", Times.millis(r.total())).put("span_count", r.spans().size())
                .put("split", TimeSplitView.fields(r.split().trace())).put("steps", steps)
                .put("steps_omitted", Math.max(0, r.split().steps().size() - MAX_TOP))
                .put("critical_path", path).put("path_omitted", Math.max(0, sections.size() - MAX_TOP))
                .put("slowest", slow).put("spans_omitted", Math.max(0, r.spans().size() - top)).map();
    }

    static String ms(long micros) {
        return Times.format(Duration.ofNanos(micros * 1_000));
    }

    public static String text(List<SpanLatency.Stat> stats, SpanLatency l, List<TimeSplitStats.Row> runners,
            TraceScan.Stats s, TraceFilter f, int top, Hints hints) {
        StringBuilder b = new StringBuilder();
        b.append("Span latency over ").append(l.traces()).append(l.traces() == 1 ? " trace" : " traces").append(" (")
                .append(l.spans()).append(" spans), by type and name, most total time first:\n");
        if (stats.isEmpty()) {
            b.append("  (no spans)\n");
        }
        int listed = 0;
        for (SpanLatency.Stat st : stats.subList(0, Math.min(top, stats.size()))) {
            if (Text.full(b)) {
                break;
            }
            listed++;
            b.append("  ").append(st.type()).append(' ').append(Text.line(st.name(), 80)).append(" ×")
                    .append(st.count()).append(": p50 ").append(ms(st.p50Micros())).append(", p95 ")
                    .append(ms(st.p95Micros())).append(", max ").append(ms(st.maxMicros())).append(" (trace ")
                    .append(st.slowestTraceId()).append(" span ").append(st.slowestSpanId()).append("), total ")
                    .append(ms(st.totalMicros())).append('\n');
        }
        if (stats.size() > listed) {
            b.append("…[").append(stats.size() - listed).append(" more span names not shown")
                    .append(listed < top ? " (text budget)" : "; raise " + hints.arg("top"))
                    .append("]\n");
        }
        if (!runners.isEmpty()) {
            b.append("time by agent, team or workflow (each instant once: LLM, else tool, else other):\n");
            int rows = 0;
            for (TimeSplitStats.Row r : runners) {
                if (rows == top || Text.full(b)) {
                    b.append("…[").append(runners.size() - rows).append(" more not shown]\n");
                    break;
                }
                rows++;
                b.append("  ").append(Text.line(r.runner(), 80)).append(" ×").append(r.traces()).append(": total ")
                        .append(Times.format(r.total().wall())).append(", ").append(TimeSplitView.text(r.total()))
                        .append("; median run ").append(Times.format(r.median().wall())).append(" (")
                        .append(r.medianTraceId()).append("): ").append(TimeSplitView.percents(r.median())).append('\n');
            }
        }
        b.append(hints.criticalPath()).append('\n');
        b.append(ScanView.footer(s, TokensView.filterLabel(f), hints));
        return b.toString().strip();
    }

    public static Map<String, Object> structured(List<SpanLatency.Stat> stats, SpanLatency l,
            List<TimeSplitStats.Row> runners, TraceScan.Stats s, TraceFilter f, int top) {
        List<Object> byRunner = new ArrayList<>();
        for (TimeSplitStats.Row r : runners.subList(0, Math.min(top, runners.size()))) {
            byRunner.add(Fields.of().put("runner", r.runner()).put("traces", r.traces())
                    .put("total", TimeSplitView.fields(r.total())).put("median", TimeSplitView.fields(r.median()))
                    .put("median_trace_id", r.medianTraceId()).map());
        }
        List<Object> rows = new ArrayList<>();
        for (SpanLatency.Stat st : stats.subList(0, Math.min(top, stats.size()))) {
            rows.add(Fields.of().put("type", st.type()).put("name", st.name()).put("count", st.count())
                    .put("p50_ms", st.p50Micros() / 1000.0).put("p95_ms", st.p95Micros() / 1000.0)
                    .put("max_ms", st.maxMicros() / 1000.0).put("total_ms", st.totalMicros() / 1000.0)
                    .put("slowest_trace_id", st.slowestTraceId()).put("slowest_span_id", st.slowestSpanId()).map());
        }
        return Fields.of().put("scope", "filter").put("traces", l.traces()).put("spans", l.spans())
                .put("by_span", rows).put("names_omitted", Math.max(0, stats.size() - top)).put("by_runner", byRunner)
                .put("scan", ScanView.structured(s, f)).map();
    }
}
