package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Percentages that always add up, by largest remainder. */
class SharesTest {

    @Test
    void sharesAddUpWhateverTheParts() {
        assertArrayEquals(new int[] {334, 333, 333}, Shares.tenths(1, 1, 1));
        assertArrayEquals(new int[] {34, 33, 33}, Shares.percents(1, 1, 1));
        assertArrayEquals(new int[] {69, 1, 30}, Shares.percents(6_851, 149, 3_000));
        assertArrayEquals(new int[] {100, 0, 0}, Shares.percents(5, 0, 0));
        assertArrayEquals(new int[] {0, 0}, Shares.percents(0, 0));
        int[] many = Shares.tenths(7, 7, 7, 7, 7, 7, 7);
        assertEquals(1000, Arrays.stream(many).sum());
    }
}
