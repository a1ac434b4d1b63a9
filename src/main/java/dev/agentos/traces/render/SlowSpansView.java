package dev.agentos.traces.render;

import dev.agentos.traces.analysis.Bottlenecks;
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

/** {@code slow_spans}: one trace's critical path and slowest spans, or latency by span across traces. */
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

    public static String text(TraceDetail d, Bottlenecks.Result r, int top, Hints hints) {
        StringBuilder b = new StringBuilder();
        b.append("Trace ").append(d.traceId()).append(" (").append(d.summary().name()).append("): ")
                .append(Times.format(r.total())).append(", ").append(r.spans().size()).append(" spans\n");
        b.append("critical path (each step is the child that finished last):\n");
        int shown = 0;
        for (Bottlenecks.SpanTime s : r.criticalPath()) {
            if (shown++ == PATH_ROWS || Text.full(b)) {
                b.append("  …[").append(r.criticalPath().size() - PATH_ROWS).append(" deeper steps not shown]\n");
                break;
            }
            b.append("  ").append("  ".repeat(Math.min(s.depth(), 10))).append(s.type()).append(' ')
                    .append(Text.line(s.name(), 80)).append(" [").append(s.spanId()).append("] ")
                    .append(Times.format(s.duration())).append(" (").append(share(s.duration(), r.total()))
                    .append("), own ").append(Times.format(s.selfTime())).append('\n');
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

    private static Map<String, Object> span(Bottlenecks.SpanTime s, Duration total) {
        return Fields.of().put("span_id", s.spanId()).put("name", s.name()).put("type", s.type())
                .put("status", s.status()).put("duration_ms", Times.millis(s.duration()))
                .put("self_ms", Times.millis(s.selfTime())).put("share_pct", shareValue(s.duration(), total))
                .put("self_share_pct", shareValue(s.selfTime(), total)).put("depth", s.depth()).map();
    }

    public static Map<String, Object> structured(TraceDetail d, Bottlenecks.Result r, int top) {
        List<Object> path = new ArrayList<>();
        for (Bottlenecks.SpanTime s : r.criticalPath()) {
            path.add(span(s, r.total()));
        }
        List<Object> slow = new ArrayList<>();
        for (Bottlenecks.SpanTime s : r.spans().subList(0, Math.min(top, r.spans().size()))) {
            slow.add(span(s, r.total()));
        }
        return Fields.of().put("scope", "trace").put("trace_id", d.traceId()).put("name", d.summary().name())
                .put("duration_ms", Times.millis(r.total())).put("span_count", r.spans().size())
                .put("critical_path", path).put("slowest", slow)
                .put("spans_omitted", Math.max(0, r.spans().size() - top)).map();
    }

    static String ms(long micros) {
        return Times.format(Duration.ofNanos(micros * 1_000));
    }

    public static String text(List<SpanLatency.Stat> stats, SpanLatency l, TraceScan.Stats s, TraceFilter f, int top,
            Hints hints) {
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
        b.append(hints.criticalPath()).append('\n');
        b.append(ScanView.footer(s, TokensView.filterLabel(f), hints));
        return b.toString().strip();
    }

    public static Map<String, Object> structured(List<SpanLatency.Stat> stats, SpanLatency l, TraceScan.Stats s,
            TraceFilter f, int top) {
        List<Object> rows = new ArrayList<>();
        for (SpanLatency.Stat st : stats.subList(0, Math.min(top, stats.size()))) {
            rows.add(Fields.of().put("type", st.type()).put("name", st.name()).put("count", st.count())
                    .put("p50_ms", st.p50Micros() / 1000.0).put("p95_ms", st.p95Micros() / 1000.0)
                    .put("max_ms", st.maxMicros() / 1000.0).put("total_ms", st.totalMicros() / 1000.0)
                    .put("slowest_trace_id", st.slowestTraceId()).put("slowest_span_id", st.slowestSpanId()).map());
        }
        return Fields.of().put("scope", "filter").put("traces", l.traces()).put("spans", l.spans())
                .put("by_span", rows).put("names_omitted", Math.max(0, stats.size() - top))
                .put("scan", ScanView.structured(s, f)).map();
    }
}
