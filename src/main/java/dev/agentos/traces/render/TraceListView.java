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
        if (r.traces().isEmpty()) {
            return empty(r);
        }
        StringBuilder b = new StringBuilder(header(r));
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
        return b.append(footer(r, hints)).toString();
    }

    private static String empty(ListTraces.Result r) {
        return r.totalCount() == 0 ? "No traces match." : "No traces on page " + r.page() + " (there are "
                + r.totalPages() + " pages).";
    }

    private static String header(ListTraces.Result r) {
        int first = (r.page() - 1) * r.limit() + 1;
        return "Traces " + first + "-" + (first + r.traces().size() - 1) + " of " + r.totalCount() + ", page " + r.page()
                + "/" + r.totalPages() + ", " + orderLabel(r) + "\n";
    }

    private static String footer(ListTraces.Result r, Hints hints) {
        StringBuilder b = new StringBuilder();
        if (r.scanTruncated()) {
            b.append("Note: sorted among the first ").append(r.scanned()).append(" of ").append(r.totalCount())
                    .append(" matching traces (scan bound); narrow the filter for an exact order.\n");
        }
        if (r.hasNext()) {
            b.append(hints.nextPage(r.page() + 1)).append('\n');
        }
        return b.append(hints.traceDetails()).toString();
    }

    /**
     * The same list for a person at a terminal: the columns aligned (padded on visible width, so colour
     * never shifts them), with colour when {@code style} is on: status red or green, failed spans yellow,
     * ids dim. The header and the hints are those of {@link #text(ListTraces.Result, Hints)}.
     */
    public static String table(ListTraces.Result r, Hints hints, Style style) {
        if (r.traces().isEmpty()) {
            return empty(r);
        }
        return header(r) + rows(r.traces(), style) + footer(r, hints);
    }

    /** Aligned rows, one per trace, each ending with a newline (also what {@code list --watch} prints). */
    public static String rows(List<TraceSummary> traces, Style style) {
        List<String[]> cells = new ArrayList<>();
        boolean anyWho = false;
        for (TraceSummary t : traces) {
            String who = who(t);
            anyWho |= !who.isEmpty();
            cells.add(new String[] {
                style.dim(t.traceId()),
                styledStatus(t, style),
                Times.format(t.duration()),
                t.totalSpans() + " spans",
                t.name(),
                who,
                Text.time(t.startTime()),
                t.input() == null ? "" : "in: " + Text.quote(t.input(), INPUT_CHARS)});
        }
        int columns = 8;
        int[] width = new int[columns];
        for (String[] row : cells) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], Style.width(row[c]));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c == 5 && !anyWho || c == 7 && row[c].isEmpty()) {
                    continue;
                }
                if (line.length() > 0) {
                    line.append(" | ");
                }
                boolean numeric = c == 2 || c == 3;
                line.append(c == 7 ? row[c] : numeric ? Style.padLeft(row[c], width[c]) : Style.padRight(row[c], width[c]));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String styledStatus(TraceSummary t, Style style) {
        String word = "ERROR".equalsIgnoreCase(t.status()) ? style.red(t.status())
                : "OK".equalsIgnoreCase(t.status()) ? style.green(t.status()) : t.status();
        if (t.errorCount() == 0) {
            return word;
        }
        return word + ", " + style.yellow(t.errorCount() + (t.errorCount() == 1 ? " failed span" : " failed spans"));
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
            rows.add(row(t));
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

    /** One trace as in {@link #structured}'s {@code traces} (what {@code --ndjson} prints per line). */
    public static Map<String, Object> row(TraceSummary t) {
        return summary(t, 200);
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
