package dev.agentos.traces.analysis;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/** Client-side ordering of traces (the API has none but newest-first). */
public enum TraceOrder {
    START_TIME, DURATION, TOTAL_SPANS, ERROR_COUNT;

    public static final String NAMES = "start_time, duration, total_spans, error_count";

    public static TraceOrder parse(String text) {
        if (text == null || text.isBlank()) {
            return START_TIME;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("sort_by must be one of " + NAMES + ", not '" + text.strip() + "'.");
        }
    }

    public static boolean parseDescending(String order) {
        if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("desc")) {
            return true;
        }
        if (order.strip().equalsIgnoreCase("asc")) {
            return false;
        }
        throw new ArgumentException("sort_order must be asc or desc, not '" + order.strip() + "'.");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Ties are broken by start time (newest first) then trace id, so pages are stable. */
    public Comparator<TraceSummary> comparator(boolean descending) {
        Comparator<TraceSummary> key = switch (this) {
            case START_TIME -> Comparator.comparing(TraceSummary::startTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));
            case DURATION -> Comparator.comparing(TraceSummary::duration);
            case TOTAL_SPANS -> Comparator.comparingInt(TraceSummary::totalSpans);
            case ERROR_COUNT -> Comparator.comparingInt(TraceSummary::errorCount);
        };
        if (descending) {
            key = key.reversed();
        }
        return key.thenComparing(TraceSummary::startTime, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                .thenComparing(TraceSummary::traceId);
    }
}
