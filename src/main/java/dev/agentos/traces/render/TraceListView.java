package dev.agentos.traces.render;

import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.ListTraces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code list_traces}: one line per trace, with what to ask next. */
public final class TraceListView {

    static final int INPUT_CHARS = 80;

    private TraceListView() {
    }

    public static String text(ListTraces.Result r) {
        return text(r, Hints.MCP);
    }

    public static String text(ListTraces.Result r, Hints hints) {
        StringBuilder b = new StringBuilder();
        if (r.traces().isEmpty()) {
            b.append(r.totalCount() == 0 ? "No traces match." : "No traces on page " + r.page() + " (there are "
                    + r.totalPages() + " pages).");
            return b.toString();
        }
        int first = (r.page() - 1) * r.limit() + 1;
        b.append("Traces ").append(first).append('-').append(first + r.traces().size() - 1).append(" of ")
                .append(r.totalCount()).append(", page ").append(r.page()).append('/').append(r.totalPages())
                .append(", ").append(orderLabel(r)).append('\n');
        for (TraceSummary t : r.traces()) {
            b.append(t.traceId()).append(" | ").append(status(t)).append(" | ").append(Times.format(t.duration()))
                    .append(" | ").append(t.totalSpans()).append(" spans | ").append(t.name());
            String who = who(t);
            if (!who.isEmpty()) {
                b.append(" | ").append(who);
            }
            b.append(" | ").append(Text.time(t.startTime()));
            if (t.input() != null) {
                b.append(" | in: ").append(Text.quote(t.input(), INPUT_CHARS));
            }
            b.append('\n');
        }
        if (r.scanTruncated()) {
            b.append("Note: sorted among the first ").append(r.scanned()).append(" of ").append(r.totalCount())
                    .append(" matching traces (scan bound); narrow the filter for an exact order.\n");
        }
        if (r.hasNext()) {
            b.append(hints.nextPage(r.page() + 1)).append('\n');
        }
        b.append(hints.traceDetails());
        return b.toString();
    }

    static String status(TraceSummary t) {
        if (t.errorCount() == 0) {
            return t.status();
        }
        return t.status() + ", " + t.errorCount() + (t.errorCount() == 1 ? " failed span" : " failed spans");
    }

    static String who(TraceSummary t) {
        List<String> parts = new ArrayList<>();
        if (t.agentId() != null) {
            parts.add("agent=" + t.agentId());
        }
        if (t.teamId() != null) {
            parts.add("team=" + t.teamId());
        }
        if (t.workflowId() != null) {
            parts.add("workflow=" + t.workflowId());
        }
        if (t.sessionId() != null) {
            parts.add("session=" + t.sessionId());
        }
        if (t.userId() != null) {
            parts.add("user=" + t.userId());
        }
        return String.join(" ", parts);
    }

    private static String orderLabel(ListTraces.Result r) {
        if (r.scanned() == 0) {
            return "newest first";
        }
        return "sorted by " + r.order().label() + (r.descending() ? " desc" : " asc");
    }

    public static Map<String, Object> structured(ListTraces.Result r) {
        List<Object> rows = new ArrayList<>();
        for (TraceSummary t : r.traces()) {
            rows.add(summary(t, 200));
        }
        return Fields.of()
                .put("traces", rows)
                .put("page", r.page()).put("limit", r.limit())
                .put("total_count", r.totalCount()).put("total_pages", r.totalPages())
                .put("has_next", r.hasNext())
                .put("sort_by", r.order().label()).put("sort_order", r.descending() ? "desc" : "asc")
                .put("scanned", r.scanned() == 0 ? null : r.scanned())
                .put("scan_truncated", r.scanTruncated() ? true : null)
                .map();
    }

    static Map<String, Object> summary(TraceSummary t, int inputChars) {
        return Fields.of()
                .put("trace_id", t.traceId()).put("name", t.name()).put("status", t.status())
                .put("error_count", t.errorCount()).put("total_spans", t.totalSpans())
                .put("duration_ms", Times.millis(t.duration()))
                .put("start_time", str(t.startTime())).put("end_time", str(t.endTime()))
                .put("run_id", t.runId()).put("session_id", t.sessionId()).put("user_id", t.userId())
                .put("agent_id", t.agentId()).put("team_id", t.teamId()).put("workflow_id", t.workflowId())
                .put("input", Text.line(t.input(), inputChars))
                .map();
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
