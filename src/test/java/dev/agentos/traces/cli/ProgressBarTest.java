package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar draws in place on a terminal, erases itself, and is silent anywhere else. */
class ProgressBarTest {

    @Test
    void drawsInPlaceThenErasesItself() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), true)) {
            bar.progress(100, 1000);
            bar.progress(1000, 1000); // the last one is always drawn
        }
        String s = err.toString();
        assertTrue(s.startsWith("\r[##······················] 100/1000 traces"), s);
        assertTrue(s.contains("\r[########################] 1000/1000 traces"), s);
        assertTrue(s.endsWith("\r"), "erased, cursor back at the start of the line");
        assertEquals("[############············] 5/10 traces", ProgressBar.line(5, 10));
        assertEquals("reading traces: 7", ProgressBar.line(7, 0));
    }

    @Test
    void notOnATerminalItPrintsNothing() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), false)) {
            bar.progress(5, 10);
        }
        assertEquals("", err.toString());
        CliRun.Result r = CliRun.run(java.util.Map.of("AGENTOS_URL", "http://127.0.0.1:9"), "errors");
        assertTrue(r.err().startsWith("error: Cannot reach AgentOS"), r::toString);
        assertTrue(!r.err().contains("traces]"), "no bar when not a terminal: " + r.err());
    }
}
