package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void testsRunWithPipedStdoutAndStderr() {
        // surefire's forked JVM writes to pipes, never to a terminal
        Terminal t = Terminal.detect();
        assertFalse(t.stdoutTty(), t::toString);
        assertFalse(t.stderrTty(), t::toString);
    }

    @Test
    void onlyUtf8CountsAsUnicode() {
        assertTrue(Terminal.isUtf8(StandardCharsets.UTF_8));
        assertFalse(Terminal.isUtf8(StandardCharsets.US_ASCII));
        assertFalse(Terminal.isUtf8(StandardCharsets.ISO_8859_1));
    }
}
