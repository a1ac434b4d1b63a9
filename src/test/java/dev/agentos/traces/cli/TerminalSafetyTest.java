package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.testsupport.HostileTraces;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 15: escape sequences planted in trace data reach no terminal; --json keeps the data as it is. */
class TerminalSafetyTest extends CliTestBase {

    static final String T = HostileTraces.TRACE;

    @BeforeEach
    void hostile() {
        HostileTraces.serve(server);
    }

    @Test
    void everyTextOutputShowsControlCharactersEscaped() {
        String[][] commands = {
            {"list"}, {"list", "--color", "always"}, {"list", "--sort-by", "duration"}, {"get", T}, {"get", T, "--io"},
            {"get", T, "--span-id", "b814b892dcc86f5b"}, {"tokens"}, {"tokens", T}, {"tokens", "--by", "agent"},
            {"cost"}, {"errors"}, {"slow"}, {"slow", T}, {"compare", T, T}, {"latest"}, {"stats"},
            {"search", "{\"op\":\"EQ\",\"key\":\"status\",\"value\":\"ERROR\"}"}, {"--trace-id", T}};
        for (String[] args : commands) {
            CliRun.Result r = CliRun.onTerminal(Map.of("AGENTOS_URL", server.baseUrl()), args);
            String all = r.out() + r.err().replace("\r", ""); // the progress bar's own carriage returns
            int at = HostileTraces.firstUnsafe(all);
            assertEquals(-1, at, () -> String.join(" ", args) + " printed a control character at " + at + ":\n" + r);
            if (r.code() == 0) {
                assertTrue(r.out().contains("\\x1b[2J") || r.out().contains("\\u202e"),
                        () -> String.join(" ", args) + " shows the planted text escaped:\n" + r);
            }
        }
    }

    @Test
    void jsonCarriesTheDataUnchanged() {
        CliRun.Result r = ok("get", T, "--json");
        assertTrue(r.out().contains("\\u001B[2J") && r.out().contains("\u202e"), r::toString);
    }
}
