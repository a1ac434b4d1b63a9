package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour on a terminal: off with NO_COLOR, and --color=auto|always|never on the command line wins. */
class ListColorFlagTest extends CliTestBase {

    static final String ESC = "\u001b[";

    Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>();
        env.put("AGENTOS_URL", server.baseUrl());
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    CliRun.Result ok(CliRun.Result r) {
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    @Test
    void aTerminalGetsColourUnlessNoColorIsSet() {
        String coloured = ok(CliRun.onTerminal(env(), "list", "--limit", "5")).out();
        assertTrue(coloured.contains(ESC), coloured);
        String noColor = ok(CliRun.onTerminal(env("NO_COLOR", "1"), "list", "--limit", "5")).out();
        assertFalse(noColor.contains("\u001b"), noColor);
        // no-color.org: present and not empty; NO_COLOR= (empty) does not turn colour off
        assertTrue(ok(CliRun.onTerminal(env("NO_COLOR", ""), "list", "--limit", "5")).out().contains(ESC));
        // stripped of its codes, the coloured table is the uncoloured one, column for column
        assertEquals(noColor, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void theFlagWinsOverTheEnvironment() {
        // always: even when piped and with NO_COLOR (a command-line choice overrides NO_COLOR, as no-color.org allows)
        assertTrue(ok(CliRun.run(env("NO_COLOR", "1"), "list", "--limit", "5", "--color=always")).out().contains(ESC));
        assertTrue(ok(CliRun.run(env(), "list", "--limit", "5", "--color", "always")).out().contains(ESC));
        // never: not even on a terminal, nor with AGENTOS_TRACES_COLOR=always
        assertFalse(ok(CliRun.onTerminal(env(), "list", "--limit", "5", "--color=never")).out().contains("\u001b"));
        assertFalse(ok(CliRun.onTerminal(env("AGENTOS_TRACES_COLOR", "always"), "list", "--limit", "5", "--color=never"))
                .out().contains("\u001b"));
        // auto: the environment decides, as without the flag
        assertTrue(ok(CliRun.onTerminal(env(), "list", "--limit", "5", "--color=auto")).out().contains(ESC));
        assertFalse(ok(CliRun.run(env(), "list", "--limit", "5", "--color=auto")).out().contains("\u001b"));
        assertFalse(ok(CliRun.onTerminal(env("NO_COLOR", "1"), "list", "--limit", "5", "--color=auto")).out().contains("\u001b"));
        // JSON is never coloured
        assertFalse(ok(CliRun.run(env(), "list", "--limit", "5", "--json", "--color=always")).out().contains("\u001b"));
    }

    @Test
    void aBadValueIsAUsageErrorBeforeAnyRequest() {
        CliRun.Result r = cli("list", "--color=sometimes");
        assertFails(ExitCodes.USAGE, r);
        assertTrue(r.err().contains("--color must be auto, always or never, not 'sometimes'"), r::toString);
        server.verify(0, anyRequestedFor(anyUrl()));
    }
}
