package dev.agentos.traces.analysis;

import dev.agentos.traces.client.SessionStats;
import java.time.Instant;
import java.util.List;

/** Totals over session statistics rows. */
public record SessionTotals(int sessions, long traces, Instant firstTraceAt, Instant lastTraceAt) {

    public static SessionTotals of(List<SessionStats> rows) {
        long traces = 0;
        Instant first = null;
        Instant last = null;
        for (SessionStats s : rows) {
            traces += s.totalTraces();
            if (s.firstTraceAt() != null && (first == null || s.firstTraceAt().isBefore(first))) {
                first = s.firstTraceAt();
            }
            if (s.lastTraceAt() != null && (last == null || s.lastTraceAt().isAfter(last))) {
                last = s.lastTraceAt();
            }
        }
        return new SessionTotals(rows.size(), traces, first, last);
    }
}
