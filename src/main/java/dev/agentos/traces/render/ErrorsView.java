package dev.agentos.traces.render;

import dev.agentos.traces.analysis.ErrorGroups;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code find_errors}: one line per cause, most frequent first, within a row and character budget. */
public final class ErrorsView {

    public static final int DEFAULT_MAX_GROUPS = 20;
    public static final int MAX_MAX_GROUPS = 100;
    static final int MESSAGE_CHARS = 240;

    private ErrorsView() {
    }

    public static String text(ErrorGroups.Result r, TraceScan.Stats s, TraceFilter f, int maxGroups, Hints hints) {
        StringBuilder b = new StringBuilder();
        if (r.groups().isEmpty()) {
            b.append("No failures in ").append(r.tracesScanned()).append(r.tracesScanned() == 1 ? " trace" : " traces")
                    .append(": no failed span, no failed run, no silent LLM failure.\n");
        } else {
            List<String> what = new ArrayList<>();
            if (r.failedSpans() > 0) {
                what.add(r.failedSpans() + (r.failedSpans() == 1 ? " failed span" : " failed spans")
                        + (r.okButFailedTraces() > 0 ? " (" + r.okButFailedTraces() + " in traces that say status OK)" : ""));
            }
            if (r.failedRuns() > 0) {
                what.add(r.failedRuns() + (r.failedRuns() == 1 ? " failed run" : " failed runs") + " without a failed span");
            }
            if (r.silentLlmFailures() > 0) {
                what.add(r.silentLlmFailures() + (r.silentLlmFailures() == 1 ? " LLM call" : " LLM calls")
                        + " that failed silently");
            }
            b.append(String.join(", ", what)).append(" in ").append(r.tracesWithErrors()).append(" of ")
                    .append(r.tracesScanned()).append(" traces");
            b.append("; ").append(r.groups().size()).append(r.groups().size() == 1 ? " cause" : " causes")
                    .append(", most frequent first:\n");
            int shown = 0;
            for (ErrorGroups.Group g : r.groups()) {
                if (shown == maxGroups || Text.full(b)) {
                    b.append("…[").append(r.groups().size() - shown).append(" more causes not shown (")
                            .append(shown == maxGroups ? hints.arg("max_groups") : "text budget")
                            .append("); raise ").append(hints.arg("max_groups")).append(" or narrow the filter]\n");
                    break;
                }
                shown++;
                b.append(shown).append(". ").append(Text.line(g.what(), 120)).append(" ×").append(g.count());
                if (g.traceCount() != g.count()) {
                    b.append(" in ").append(g.traceCount()).append(" traces");
                }
                if (g.kind() == ErrorGroups.Kind.SPAN && g.okStatusTraces() > 0) {
                    b.append(g.okStatusTraces() == g.traceCount() ? " (every one in a trace that says OK)"
                            : " (" + g.okStatusTraces() + " in traces that say OK)");
                }
                b.append('\n');
                String example = g.exampleError() == null ? g.pattern() : g.exampleError();
                if (g.traceCount() > 1 && !g.pattern().equals(example)) {
                    b.append("   error: ").append(Text.quote(g.pattern(), MESSAGE_CHARS)).append(" e.g. ")
                            .append(Text.quote(example, MESSAGE_CHARS)).append('\n');
                } else {
                    b.append("   error: ").append(Text.quote(example, MESSAGE_CHARS)).append('\n');
                }
                b.append("   seen ").append(Text.time(g.firstSeen()));
                if (g.lastSeen() != null && !g.lastSeen().equals(g.firstSeen())) {
                    b.append(" … ").append(Text.time(g.lastSeen()));
                }
                b.append("; traces: ").append(String.join(", ", g.exampleTraceIds()));
                if (g.traceCount() > g.exampleTraceIds().size()) {
                    b.append(" +").append(g.traceCount() - g.exampleTraceIds().size()).append(" more");
                }
                if (g.exampleSpanId() != null) {
                    b.append("; span ").append(g.exampleSpanId());
                }
                b.append('\n');
            }
            b.append(hints.traceDetails()).append("; ").append(hints.oneSpan("<id>")).append('\n');
        }
        b.append(ScanView.footer(s, TokensView.filterLabel(f), hints));
        return b.toString().strip();
    }

    public static Map<String, Object> structured(ErrorGroups.Result r, TraceScan.Stats s, TraceFilter f, int maxGroups) {
        List<Object> groups = new ArrayList<>();
        for (ErrorGroups.Group g : r.groups().subList(0, Math.min(maxGroups, r.groups().size()))) {
            groups.add(Fields.of().put("kind", g.kind().name().toLowerCase(java.util.Locale.ROOT)).put("what", g.what())
                    .put("error_pattern", Text.line(g.pattern(), MESSAGE_CHARS))
                    .put("example_error", Text.line(g.exampleError(), MESSAGE_CHARS))
                    .put("count", g.count()).put("trace_count", g.traceCount())
                    .put("ok_status_traces", g.okStatusTraces())
                    .put("first_seen", TraceListView.str(g.firstSeen())).put("last_seen", TraceListView.str(g.lastSeen()))
                    .put("example_trace_ids", g.exampleTraceIds()).put("example_span_id", g.exampleSpanId()).map());
        }
        return Fields.of().put("failed_spans", r.failedSpans()).put("traces_with_errors", r.tracesWithErrors())
                .put("ok_status_traces_with_errors", r.okButFailedTraces()).put("traces_scanned", r.tracesScanned())
                .put("silent_llm_failures", r.silentLlmFailures()).put("failed_runs", r.failedRuns())
                .put("cause_count", r.groups().size()).put("groups", groups)
                .put("groups_omitted", Math.max(0, r.groups().size() - maxGroups))
                .put("scan", ScanView.structured(s, f)).map();
    }
}
