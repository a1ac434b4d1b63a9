package dev.agentos.traces.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Issue 14 item 13 in database mode: token counts read from stored metadata as the API path reads them. */
class TokenCountTest {

    @Test
    void absurdCountsAreRefusedNotWrapped() {
        for (Object absurd : new Object[] {Long.MAX_VALUE, new BigDecimal("1000000000000000000000000000000"), 1e30, -5L,
            1.5, "1e30", "18446744073709551616"}) {
            assertNull(TraceBuilder.tokens(absurd), String.valueOf(absurd));
            assertTrue(TraceBuilder.refused(absurd), String.valueOf(absurd));
        }
        assertEquals(12L, TraceBuilder.tokens("12"));
        assertEquals(37L, TraceBuilder.tokens(37L));
        assertEquals(1_000_000_000_000L, TraceBuilder.tokens(1_000_000_000_000L));
        assertNull(TraceBuilder.tokens(0L)); // falsy, as the API's metadata leaves it out
        assertFalse(TraceBuilder.refused(0L));
        assertFalse(TraceBuilder.refused(null));
    }
}
