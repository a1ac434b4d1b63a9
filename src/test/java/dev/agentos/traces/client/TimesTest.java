package dev.agentos.traces.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:30:45.5Z");

    @Test
    void timestampsInEveryFormAgentOsAndUsersWrite() {
        assertEquals(Instant.parse("2026-11-23T23:42:25.075897Z"), Times.parseTimestamp("2026-11-23T23:42:25.075897Z"));
        assertEquals(Instant.parse("2026-11-23T23:42:25Z"), Times.parseTimestamp("2026-11-23T23:42:25Z"), "no fraction");
        assertEquals(Instant.parse("2026-11-23T04:30:00Z"), Times.parseTimestamp("2026-11-23T10:00:00+05:30"));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), Times.parseTimestamp("2026-11-23T10:00:00"), "no zone is UTC");
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), Times.parseTimestamp("2026-11-23"));
        assertNull(Times.parseTimestamp("not-a-date"));
        assertNull(Times.parseTimestamp(null));
    }

    @Test
    void durationStringsInBothServerForms() {
        assertEquals(Duration.ofMillis(42), Times.parseDuration("42ms"));
        assertEquals(Duration.ofNanos(203_016_400), Times.parseDuration("203.01640033721924ms"));
        assertEquals(Duration.ofMillis(1200), Times.parseDuration("1.20s"));
        assertEquals(Duration.ZERO, Times.parseDuration("0ms"));
        assertNull(Times.parseDuration("fast"));
        assertNull(Times.parseDuration("-3ms"));
        assertNull(Times.parseDuration("9".repeat(40) + "s"), "overflow is not a duration");
    }

    @Test
    void userTimesAbsoluteAndRelative() {
        assertEquals(NOW.minusSeconds(30 * 60), Times.parseUserTime("start_time", "30m", NOW));
        assertEquals(NOW.minusSeconds(24 * 3600), Times.parseUserTime("start_time", "24h", NOW));
        assertEquals(NOW.minus(Duration.ofDays(7)), Times.parseUserTime("start_time", "7d", NOW));
        assertEquals(NOW.minus(Duration.ofDays(14)), Times.parseUserTime("start_time", "2w", NOW));
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), Times.parseUserTime("start_time", "today", NOW));
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), Times.parseUserTime("start_time", "Yesterday", NOW));
        assertEquals(NOW, Times.parseUserTime("end_time", "now", NOW));
        assertNull(Times.parseUserTime("end_time", " ", NOW));
        ArgumentException e = assertThrows(ArgumentException.class, () -> Times.parseUserTime("end_time", "last tuesday", NOW));
        assertTrue(e.getMessage().startsWith("end_time 'last tuesday' is not a time: use ISO 8601"), e.getMessage());
        assertThrows(ArgumentException.class, () -> Times.parseUserTime("start_time", "x".repeat(10_000), NOW));
    }

    @Test
    void compactFormat() {
        assertEquals("203.65ms", Times.format(Duration.ofNanos(203_652_000)));
        assertEquals("0.46ms", Times.format(Duration.ofNanos(460_000)));
        assertEquals("1.200s", Times.format(Duration.ofMillis(1200)));
        assertEquals("2m05.3s", Times.format(Duration.ofMillis(125_300)));
        assertEquals(203.652, Times.millis(Duration.ofNanos(203_652_000)));
    }
}
