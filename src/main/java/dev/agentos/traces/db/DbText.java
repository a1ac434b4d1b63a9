package dev.agentos.traces.db;

import dev.agentos.traces.client.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Values as agno stores them (ISO text, REAL or bigint milliseconds) and as its API prints them. */
final class DbText {

    private DbText() {
    }

    static Instant instant(String text) {
        return text == null ? null : Times.parseTimestamp(text);
    }

    /**
     * A filter bound as agno compares it: Python's {@code datetime.isoformat()} of the UTC instant,
     * {@code 2026-11-30T03:38:29.394944+00:00}, the fraction left out when the microsecond is 0.
     */
    static String isoformat(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int micros = t.getNano() / 1_000;
        String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                d.getHour(), d.getMinute(), d.getSecond());
        return (micros == 0 ? base : base + String.format(".%06d", micros)) + "+00:00";
    }

    /**
     * agno's {@code format_duration_ms}: under 1000, the stored value as Python prints it (SQLite keeps a REAL,
     * so {@code 92.01318025588989ms}); else seconds with two decimals ({@code 1.50s}).
     */
    static String duration(Object ms) {
        if (ms == null) {
            return "0ms";
        }
        double v = ((Number) ms).doubleValue();
        if (v < 1000) {
            if (ms instanceof Double || ms instanceof Float || ms instanceof BigDecimal bd && bd.scale() > 0) {
                return v == 0 ? "0ms" : python(v) + "ms";
            }
            return ((Number) ms).longValue() + "ms";
        }
        return new BigDecimal(v / 1000).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "s";
    }

    /** Python's repr of a float in the millisecond range (shortest round-trip digits, always a fraction). */
    private static String python(double v) {
        String s = Double.toString(v);
        return s.contains("E") ? BigDecimal.valueOf(v).toPlainString() : s;
    }
}
