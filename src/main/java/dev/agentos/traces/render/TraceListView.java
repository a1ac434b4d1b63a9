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

    /**
     * For a terminal: the same page as aligned columns (padded on the visible text, so colour never shifts
     * them), the status coloured when {@code style} is ANSI.
     */
    public static String table(ListTraces.Result r, Hints hints, Style style) {
        if (r.traces().isEmpty()) {
            return text(r, hints);
        }
        String full = text(r, hints);
        StringBuilder b = new StringBuilder(full.substring(0, full.indexOf('\n') + 1));
        b.append(rows(r.traces(), style, true));
        // the footer lines of the plain form: scan note, next page, how to see one trace
        String[] lines = full.split("\n");
        for (int i = 1 + r.traces().size(); i < lines.length; i++) {
            b.append(style.dim(Terminal.escape(lines[i]))).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** Aligned rows (and a column header), each ending with a newline. */
    public static String rows(List<TraceSummary> traces, Style style, boolean header) {
        String[] head = {"TRACE_ID", "STATUS", "DURATION", "SPANS", "NAME", "AGENT/TEAM", "SESSION", "USER", "STARTED", "INPUT"};
        int[] cap = {32, 24, 10, 5, 28, 24, 20, 16, 19, 48};
        List<String[]> rows = new ArrayList<>();
        for (TraceSummary t : traces) {
            String who = t.agentId() != null ? t.agentId() : t.teamId() != null ? t.teamId()
                    : t.workflowId() != null ? t.workflowId() : "";
            String started = t.startTime() == null ? "?" : t.startTime().toString().replace('T', ' ');
            String[] row = {t.traceId(), status(t), Times.format(t.duration()), String.valueOf(t.totalSpans()),
                    t.name(), who, t.sessionId(), t.userId(), started.length() > 19 ? started.substring(0, 19) : started,
                    t.input() == null ? "" : Text.quote(t.input(), 40)};
            for (int c = 0; c < row.length; c++) {
                row[c] = Terminal.escape(row[c]); // before colour: every escape sequence left is then our own
            }
            rows.add(row);
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = header ? head[c].length() : 0;
            for (String[] row : rows) {
                width[c] = Math.max(width[c], Math.min(cap[c], row[c] == null ? 0 : row[c].length()));
            }
        }
        StringBuilder b = new StringBuilder();
        if (header) {
            StringBuilder h = new StringBuilder();
            for (int c = 0; c < head.length; c++) {
                h.append(c == 0 ? "" : "  ").append(c == 2 || c == 3 ? left(head[c], width[c]) : Text.pad(head[c], width[c]));
            }
            b.append(style.bold(h.toString().stripTrailing())).append('\n');
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            TraceSummary t = traces.get(i);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < head.length; c++) {
                String cell = c == 2 || c == 3 ? left(row[c], width[c]) : Text.pad(row[c], width[c]);
                if (c == 0) {
                    cell = style.dim(cell);
                } else if (c == 1) {
                    cell = "ERROR".equals(t.status()) ? style.red(cell) : t.errorCount() > 0 ? style.yellow(cell)
                            : style.green(cell);
                }
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** Right-aligned in {@code width}. */
    private static String left(String s, int width) {
        String v = s == null ? "" : s;
        return v.length() >= width ? v : " ".repeat(width - v.length()) + v;
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

    public static Map<String, Object> summary(TraceSummary t, int inputChars) {
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
