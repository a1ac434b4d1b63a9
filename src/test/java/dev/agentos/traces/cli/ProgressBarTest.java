package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersFilledShareCountsAndUnit() {
        assertEquals("[                    ] 0/1000 traces", ProgressBar.render(0, 1000, "traces"));
        assertEquals("[##                  ] 120/1000 traces", ProgressBar.render(120, 1000, "traces"));
        assertEquals("[##########          ] 500/1000 traces", ProgressBar.render(500, 1000, "traces"));
        assertEquals("[####################] 1000/1000 traces", ProgressBar.render(1000, 1000, "traces"));
        // more done than announced (the total grew): capped, never a wider bar
        assertEquals("[####################] 7/7 traces", ProgressBar.render(9, 7, "traces"));
        // total not known yet
        assertEquals("42 traces", ProgressBar.render(42, 0, "traces"));
    }

    @Test
    void drawsInPlaceWithCarriageReturnsAndWipesItselfAtTheEnd() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "traces");
        bar.update(120, 1000);
        bar.update(120, 1000); // unchanged: not redrawn
        bar.update(1000, 1000);
        bar.finish();
        String first = "[##                  ] 120/1000 traces";
        String last = "[####################] 1000/1000 traces";
        assertEquals("\r" + first + "\r" + last + "\r" + " ".repeat(last.length()) + "\r", err.toString());
        assertFalse(err.toString().contains("\n"), "a bar never scrolls the terminal");
    }

    @Test
    void aShorterLinePadsOverTheLongerOne() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "traces");
        bar.update(1000, 0);
        bar.update(5, 0);
        assertEquals("\r1000 traces\r5 traces   ", err.toString());
    }

    @Test
    void offWhenStderrIsNotATerminal() {
        StringWriter err = new StringWriter();
        ProgressBar bar = ProgressBar.onStderr(new Context(Map.of(), Clock.systemUTC()), new PrintWriter(err), "traces");
        assertFalse(bar.enabled());
        bar.update(1, 10);
        bar.finish();
        assertEquals("", err.toString());

        ProgressBar on = ProgressBar.onStderr(new Context(Map.of(), Clock.systemUTC(), new Terminal(false, true, true)),
                new PrintWriter(err), "traces");
        assertTrue(on.enabled(), "stderr a terminal, stdout piped: the bar shows (it never touches stdout)");
    }
}
