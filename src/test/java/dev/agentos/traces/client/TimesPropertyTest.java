package dev.agentos.traces.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Timestamps are read digit by digit in the form AgentOS writes, and by the JDK's ISO formatters otherwise:
 * wherever the fast reading gives an answer, it is the formatters' answer, to the nanosecond.
 */
class TimesPropertyTest {

    @Property(tries = 5000)
    void theFastReadingAgreesWithTheFormatters(@ForAll("timestampLike") String s) {
        Instant fast = Times.isoUtcOrOffset(s);
        if (fast != null) {
            assertEquals(Times.parseTimestampWithFormatters(s), fast, s);
        }
        assertEquals(Times.parseTimestampWithFormatters(s.strip()), Times.parseTimestamp(s), s); // as before the fast path
    }

    @Property(tries = 2000)
    void oneChangedCharacterNeverMakesTheReadingsDisagree(@ForAll("timestampLike") String s,
            @ForAll @IntRange(min = 0, max = 40) int at, @ForAll("noise") char c) {
        String mutated = at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
        Instant fast = Times.isoUtcOrOffset(mutated);
        if (fast != null) {
            assertEquals(Times.parseTimestampWithFormatters(mutated), fast, mutated);
        }
    }

    @Test
    void theFormAgentOsWritesTakesTheFastReading() {
        for (String s : new String[] {"2026-11-23T23:42:25.075897Z", "2026-11-23T23:42:25Z", "2026-11-23T10:00:00+05:30",
                "2026-11-23T10:00:00", "2024-02-29T00:00:00.5-08:00", "2026-11-23T23:42:25.123456789Z"}) {
            assertNotNull(Times.isoUtcOrOffset(s), s);
            assertEquals(Times.parseTimestampWithFormatters(s), Times.isoUtcOrOffset(s), s);
        }
        assertEquals(Instant.parse("2026-11-23T04:30:00Z"), Times.isoUtcOrOffset("2026-11-23T10:00:00+05:30"));
        for (String s : new String[] {"2026-02-29T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23t10:00:00z",
                "2026-11-23T10:00:00.Z", "2026-11-23T10:00:00.1234567890Z", "2026-11-23T10:00:00+18:30",
                "+2026-11-23T10:00:00Z", "2026-11-23 10:00:00Z"}) {
            assertEquals(null, Times.isoUtcOrOffset(s), s + " goes to the formatters");
        }
    }

    @Provide
    Arbitrary<String> timestampLike() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60)).as((h, mi, sec) -> String.format("%02d:%02d:%02d", h, mi, sec));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("."),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(f -> "." + f));
        Arbitrary<String> zone = Arbitraries.oneOf(Arbitraries.of("", "Z", "z", "+00:00", "-00:00", "+18:00", "-18:00", "+18:01",
                        "+05:30", "+5:30", "+05", "+0530", "+05:30:15", "UTC", " "),
                Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 19), Arbitraries.integers().between(0, 60))
                        .as((sign, h, m) -> String.format("%c%02d:%02d", sign, h, m)));
        return Combinators.combine(date, Arbitraries.of("T", "t", " "), time, fraction, zone)
                .as((d, t, tm, f, z) -> d + t + tm + f + z);
    }

    @Provide
    Arbitrary<Character> noise() {
        return Arbitraries.of('0', '9', '-', '+', ':', '.', 'T', 'Z', ' ', 'x', '\u0661');
    }
}
