package dev.agentos.traces.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Any input to the parsers of durations, timestamps, relative times and ids: no surprise exception, round trips hold. */
class ParsersPropertyTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Property(tries = 2000)
    void anyTextIsADurationOrNull(@ForAll @StringLength(max = 60) String s) {
        Duration d = Times.parseDuration(s);
        assertTrue(d == null || !d.isNegative());
    }

    @Property(tries = 2000)
    void millisecondStringsRoundTrip(@ForAll @LongRange(min = 0, max = 999_999_999L) long micros) {
        String text = String.format(Locale.ROOT, "%d.%03dms", micros / 1000, micros % 1000);
        assertEquals(Duration.ofNanos(micros * 1000), Times.parseDuration(text), text);
        if (micros >= 1_000_000) { // AgentOS writes >= 1 s as seconds with two decimals
            String secs = String.format(Locale.ROOT, "%d.%02ds", micros / 1_000_000, (micros / 10_000) % 100);
            assertEquals(Duration.ofMillis(micros / 10_000 * 10), Times.parseDuration(secs), secs);
        }
    }

    @Property(tries = 2000)
    void anyTextIsATimestampOrNull(@ForAll @StringLength(max = 80) String s) {
        Times.parseTimestamp(s); // never throws
    }

    @Property(tries = 2000)
    void instantsRoundTripThroughTheirIsoText(@ForAll @LongRange(min = 0, max = 4_102_444_800_000_000L) long micros) {
        Instant t = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        assertEquals(t, Times.parseTimestamp(t.toString()));
        assertEquals(t, Times.parseTimestamp(t.toString().replace("Z", "+00:00")));
    }

    @Property(tries = 2000)
    void userTimesAreInstantsOrOneClearArgumentError(@ForAll @StringLength(max = 100) String s) {
        try {
            Instant t = Times.parseUserTime("start_time", s, NOW);
            assertTrue(t == null || !t.isAfter(NOW.plus(Duration.ofDays(365 * 3000L))));
        } catch (ArgumentException e) {
            assertTrue(e.getMessage().startsWith("start_time '"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
        }
    }

    @Property(tries = 1000)
    void relativeTimesGoBackExactly(@ForAll @LongRange(min = 0, max = 999_999) long n) {
        assertEquals(NOW.minus(Duration.ofHours(n)), Times.parseUserTime("since", n + "h", NOW));
        assertEquals(NOW.minus(Duration.ofDays(n)), Times.parseUserTime("since", n + "d", NOW));
    }

    @Property(tries = 2000)
    void idsAreAcceptedCleanOrRefusedWithOneSentence(@ForAll @StringLength(max = 300) String s) {
        try {
            String id = Ids.optional("trace_id", s);
            if (id != null) {
                assertTrue(id.length() <= Ids.MAX_LENGTH);
                assertTrue(id.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c)));
            }
        } catch (ArgumentException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().startsWith("trace_id "), e.getMessage());
        }
    }
}
