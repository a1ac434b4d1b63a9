package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only what returns without starting the stdio server (which would read this JVM's stdin). */
class ServeCommandTest extends CliTestBase {

    @Test
    void help() {
        CliRun.Result r = ok("serve", "--help");
        assertTrue(r.out().startsWith("Usage: agentos-traces-mcp serve "), r.out());
        assertTrue(r.out().contains("--transport"), r.out());
        assertTrue(r.out().contains("--base-url"), r.out());
    }

    @Test
    void onlyStdioOrHttp() {
        CliRun.Result r = cli("serve", "--transport", "carrier-pigeon");
        assertFails(ExitCodes.USAGE, r);
        assertTrue(r.err().contains("--transport must be stdio or http"), r::toString);
    }

    @Test
    void badFlagsAreUsageErrorsBeforeServing() {
        CliRun.Result bogus = cli("serve", "--bogus");
        assertFails(ExitCodes.USAGE, bogus);
        assertTrue(bogus.err().endsWith("(see: agentos-traces-mcp serve --help)\n"), bogus::toString);
        assertFails(ExitCodes.USAGE, cli("serve", "--base-url", "not a url"));
        assertFails(ExitCodes.USAGE, cli("serve", "--timeout", "-1"));
    }

    @Test
    void version() {
        CliRun.Result r = ok("serve", "--version");
        assertEquals(ok("--version").out(), r.out());
    }
}
