package dev.agentos.traces.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the time values AgentOS sends and users type. Pure functions. */
public final class Times {

    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)\\s*$");
    private static final Pattern RELATIVE = Pattern.compile("^(\\d{1,6})([smhdw])$");

    private Times() {
    }

    /**
     * A timestamp as AgentOS writes it: ISO 8601 with a {@code Z} or an offset, with or without a
     * fraction; also a zone-less date-time (taken as UTC) and a bare date (midnight UTC).
     *
     * @return the instant, or null when the text is not a timestamp
     */
    public static Instant parseTimestamp(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        Instant fast = isoUtcOrOffset(s);
        return fast != null ? fast : parseTimestampWithFormatters(s);
    }

    /**
     * The form AgentOS always writes, {@code 2026-11-23T23:42:25.075897Z} (or {@code +05:30}, or no zone), read
     * digit by digit: {@code DateTimeFormatter} resolves each value through hash maps and took ~11 % of a
     * {@code list_traces} call's CPU (60 timestamps per page). Null for anything else, which then goes through
     * the formatters; {@code TimesPropertyTest} checks that both agree on every input.
     */
    static Instant isoUtcOrOffset(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                nanos = nanos * 10 + (s.charAt(i++) - '0');
            }
            if (i == start || i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return null; // no digit, or more than nine
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offset = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' && i + 1 == n) {
                offset = 0;
            } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
                int oh = digits(s, i + 1, 2);
                int om = digits(s, i + 4, 2);
                if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
                    return null;
                }
                offset = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offset, nanos);
    }

    /** The value of {@code len} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Every ISO 8601 form {@link #parseTimestamp} accepts, through the JDK's formatters. */
    static Instant parseTimestampWithFormatters(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the zone-less forms
        }
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try a bare date
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A duration string as AgentOS writes it: {@code "42ms"}, {@code "203.0164ms"}, {@code "1.20s"}.
     *
     * @return the duration (nanosecond precision), or null when the text is not one
     */
    public static Duration parseDuration(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(m.group(2).equals("ms") ? 1_000_000L : 1_000_000_000L));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return null;
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /**
     * A time the user gave as a filter: ISO 8601 (as {@link #parseTimestamp}), or relative to now:
     * {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w} (that long ago), {@code now}, {@code today},
     * {@code yesterday} (midnight UTC).
     *
     * @throws ArgumentException naming the argument and the accepted forms
     */
    public static Instant parseUserTime(String argName, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        Instant midnight = now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        switch (s) {
            case "now":
                return now;
            case "today":
                return midnight;
            case "yesterday":
                return midnight.minus(Duration.ofDays(1));
            default:
                break;
        }
        Matcher m = RELATIVE.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration unit = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(n));
        }
        Instant parsed = text.length() <= 64 ? parseTimestamp(text) : null;
        if (parsed == null) {
            throw new ArgumentException(argName + " '" + clip(text) + "' is not a time: use ISO 8601 "
                    + "(2026-11-23T10:00:00Z, 2026-11-23T10:00:00+05:30, 2026-11-23) or a relative form "
                    + "(30m, 24h, 7d, today, yesterday).");
        }
        return parsed;
    }

    /** A user's value, safe to quote in a message: control characters replaced, at most 40 chars. */
    public static String clipForMessage(String s) {
        return clip(s);
    }

    static String clip(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }

    /** Compact human form: {@code 204.99ms}, {@code 1.234s}, {@code 2m05.3s}. */
    public static String format(Duration d) {
        if (d == null) {
            return "?";
        }
        long nanos = d.toNanos();
        if (nanos < 1_000_000_000L) {
            BigDecimal ms = BigDecimal.valueOf(nanos, 6).stripTrailingZeros();
            ms = ms.scale() > 2 ? ms.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros() : ms;
            return ms.toPlainString() + "ms";
        }
        if (nanos < 60_000_000_000L) {
            return BigDecimal.valueOf(nanos, 9).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString() + "s";
        }
        long secs = d.getSeconds();
        return (secs / 60) + "m" + String.format(Locale.ROOT, "%04.1f", (nanos % 60_000_000_000L) / 1e9) + "s";
    }

    /** Milliseconds with microsecond precision, for structured output. */
    public static double millis(Duration d) {
        return d == null ? 0 : Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
