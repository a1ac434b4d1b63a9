package dev.agentos.traces.render;

import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;
import java.util.Map;

/** What an aggregation read: the absolute window, how many traces, how many requests, and whether it stopped early. */
public final class ScanView {

    private ScanView() {
    }

    /** One line: {@code window 2026-11-17T18:00:00Z → now (2026-11-24T18:00:00Z)}. */
    public static String window(TraceScan.Stats s) {
        if (s.windowStart() == null && s.windowEnd() == null) {
            return "window: all time (up to " + Text.time(s.asOf()) + ")";
        }
        return "window: " + (s.windowStart() == null ? "the beginning" : Text.time(s.windowStart())) + " → "
                + (s.windowEnd() == null ? "now (" + Text.time(s.asOf()) + ")" : Text.time(s.windowEnd()));
    }

    /** The closing lines: scope, window, requests, and how to read the rest when the limit was reached. */
    public static String footer(TraceScan.Stats s, String filterLabel, Hints hints) {
        StringBuilder b = new StringBuilder();
        b.append(window(s)).append("; ").append(s.read()).append(s.read() == 1 ? " trace read" : " traces read");
        if (s.truncated()) {
            b.append(" (the newest of ").append(s.matching()).append(" matching)");
        }
        if (!"no filter".equals(filterLabel)) {
            b.append("; filter: ").append(filterLabel);
        }
        b.append("; ").append(source(s)).append('\n');
        if (s.truncated()) {
            b.append("Scan limit reached: ").append(hints.raiseMaxTraces(TraceScan.MAX_LIMIT))
                    .append(" or narrow the window (start_time/end_time) to cover the rest.\n");
        }
        b.append(notes(s));
        return b.toString();
    }

    /** "Note: …" lines for what the scan skipped or found odd in AgentOS's paging; empty when nothing. */
    public static String notes(TraceScan.Stats s) {
        StringBuilder b = new StringBuilder();
        for (String n : s.notes().sentences()) {
            b.append("Note: ").append(Text.line(n, 600)).append(".\n");
        }
        return b.toString();
    }

    /** The same notes for structured output; null when there are none. */
    public static java.util.List<String> structuredNotes(TraceScan.Stats s) {
        java.util.List<String> n = s.notes().sentences();
        return n.isEmpty() ? null : n;
    }

    /** How the traces were read: {@code 3 requests (POST /traces/search)} or {@code read from the SQLite database, 201 queries}. */
    public static String source(TraceScan.Stats s) {
        if (s.database() != null) {
            return "read from the " + s.database() + " database, " + s.requests() + (s.requests() == 1 ? " query" : " queries");
        }
        return s.requests() + (s.requests() == 1 ? " request" : " requests")
                + (s.usedSearch() ? " (POST /traces/search)" : " (GET /traces + GET /traces/{id}; search unavailable)");
    }

    public static Map<String, Object> structured(TraceScan.Stats s, TraceFilter filter) {
        return Fields.of()
                .put("filter", filter == null ? null : TokensView.filterFields(filter))
                .put("window_start", s.windowStart() == null ? null : s.windowStart().toString())
                .put("window_end", s.windowEnd() == null ? null : s.windowEnd().toString())
                .put("as_of", s.asOf() == null ? null : s.asOf().toString())
                .put("traces_read", s.read()).put("traces_matching", s.matching()).put("truncated", s.truncated())
                .put("requests", s.requests()).put("used_search", s.usedSearch())
                .put("notes", structuredNotes(s))
                .put("database", s.database())
                .map();
    }

}
