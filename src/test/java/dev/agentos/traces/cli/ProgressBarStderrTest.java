package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.query.LatestTrace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scan's progress bar goes to stderr only when stderr itself is a terminal, whatever stdout is. */
class ProgressBarStderrTest extends CliTestBase {

    CliRun.Result tokens(boolean stdoutTerminal, boolean stderrTerminal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(new HashMap<>(Map.of("AGENTOS_URL", server.baseUrl())), CliRun.CLOCK, stdoutTerminal,
                LatestTrace.Sleeper.REAL, stderrTerminal);
        int code = Main.run(new String[] {"tokens"}, ctx, new PrintWriter(out, true), new PrintWriter(err, true), true);
        return new CliRun.Result(code, out.toString(), err.toString());
    }

    @Test
    void drawnOnlyWhenStderrIsATerminal() {
        CliRun.Result both = tokens(true, true);
        assertEquals(0, both.code(), both::toString);
        assertTrue(both.err().contains("\r") && both.err().contains("traces"), "a bar on a terminal: " + both);

        // `tokens 2> scan.log` at a terminal: the console says interactive, but the bar must not fill the file
        CliRun.Result redirected = tokens(true, false);
        assertEquals(0, redirected.code(), redirected::toString);
        assertEquals("", redirected.err(), redirected::toString);
        assertEquals(both.out(), redirected.out(), "the result itself does not change");
        assertFalse(redirected.out().contains("\r"));
    }

    @Test
    void theFourArgumentContextKeepsStderrWithStdout() {
        Context ctx = new Context(Map.of(), CliRun.CLOCK, true, LatestTrace.Sleeper.REAL);
        assertTrue(ctx.stderrTerminal());
        assertFalse(new Context(Map.of(), CliRun.CLOCK).stderrTerminal());
        // surefire's stderr is a pipe: where /proc tells, this process's stderr is known not to be a terminal
        if (java.nio.file.Files.isSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2"))) {
            assertTrue(Context.stderrRedirected());
        }
    }
}
