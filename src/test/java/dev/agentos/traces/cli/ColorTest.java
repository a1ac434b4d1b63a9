package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.render.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour in the list only on a terminal, never with NO_COLOR, and never at the cost of alignment. */
class ColorTest extends CliTestBase {

    static final String ESC = "\u001b[";
    static final Terminal TTY = new Terminal(true, true, true);

    CliRun.Result run(Terminal t, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("AGENTOS_URL", server.baseUrl());
        CliRun.Result r = CliRun.run(env, t, args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    /** Where each " | " of the trace rows starts: the same in every row when the columns align. */
    static List<List<Integer>> separators(String out) {
        List<List<Integer>> all = new ArrayList<>();
        for (String line : out.lines().filter(l -> l.matches("^[0-9a-f]{32} .*")).toList()) {
            List<Integer> at = new ArrayList<>();
            int i = -1;
            // the first six: id, status, duration, spans, name, who (the input may hold " | " itself)
            while (at.size() < 6 && (i = line.indexOf(" | ", i + 1)) >= 0) {
                at.add(line.codePointCount(0, i));
            }
            all.add(at);
        }
        return all;
    }

    static void assertAligned(String out) {
        List<List<Integer>> seps = separators(out);
        assertTrue(seps.size() >= 2, out);
        for (List<Integer> row : seps) {
            assertEquals(seps.get(0), row, "columns not aligned:\n" + out);
        }
    }

    @Test
    void forcedOnColoursStatusErrorsAndIdsAndStaysAligned() {
        CliRun.Result on = run(Terminal.PIPED, Map.of(), "list", "--color=always");
        String out = on.out();
        assertTrue(out.contains(ESC), out);
        assertTrue(out.contains("\u001b[32mOK\u001b[0m"), "OK is green: " + out);
        assertTrue(out.contains("\u001b[33m1 failed span\u001b[0m"), "failed spans are yellow: " + out);
        assertTrue(out.contains("\u001b[2m" + TOOL_ERROR_TRACE + "\u001b[0m"), "ids are dim: " + out);
        String plain = Style.strip(out);
        assertAligned(plain);
        // colour adds codes and nothing else: stripped, it is exactly the uncoloured output
        assertEquals(run(Terminal.PIPED, Map.of(), "list", "--color=never").out(), plain);
        assertEquals(fixtureIds("traces_list.json"), listedIds(plain));
    }

    @Test
    void theTableIsAlignedWithoutColourToo() {
        String out = run(Terminal.PIPED, Map.of(), "list").out();
        assertFalse(out.contains("\u001b"), out);
        assertAligned(out);
        // durations right-aligned: "94.84ms" lines up under "205.29ms"
        String fast = out.lines().filter(l -> l.startsWith("8833672188af9c797b222c0dc6f831a2")).findFirst().orElseThrow();
        assertTrue(fast.contains(" |  94.84ms | "), fast);
    }

    @Test
    void onATerminalAutoColours() {
        assertTrue(run(TTY, Map.of(), "list").out().contains(ESC));
        assertTrue(run(TTY, Map.of(), "list", "--color", "auto").out().contains(ESC));
        // NO_COLOR="" is not set (no-color.org: present and not empty)
        assertTrue(run(TTY, Map.of("NO_COLOR", ""), "list").out().contains(ESC));
    }

    @Test
    void noColorTurnsItOffOnATerminal() {
        String out = run(TTY, Map.of("NO_COLOR", "1"), "list").out();
        assertFalse(out.contains("\u001b"), out);
        assertAligned(out);
        assertFalse(run(TTY, Map.of("NO_COLOR", "anything"), "list", "--limit", "5").out().contains("\u001b"));
        assertFalse(run(TTY, Map.of(), "list", "--color=never").out().contains("\u001b"));
        // the one way past NO_COLOR is asking on the command line, as no-color.org allows
        assertTrue(run(TTY, Map.of("NO_COLOR", "1"), "list", "--color=always").out().contains(ESC));
    }

    @Test
    void notATerminalNoColour() {
        Terminal stderrOnly = new Terminal(false, true, true);
        assertFalse(run(Terminal.PIPED, Map.of(), "list").out().contains("\u001b"));
        assertFalse(run(stderrOnly, Map.of(), "list").out().contains("\u001b"));
        assertFalse(run(Terminal.PIPED, Map.of(), "list", "--color=auto").out().contains("\u001b"));
        // JSON is for programs: never coloured, even when forced
        assertFalse(run(TTY, Map.of(), "list", "--json", "--color=always").out().contains("\u001b"));
        assertFalse(run(TTY, Map.of(), "list", "--ndjson", "--color=always").out().contains("\u001b"));
    }

    @Test
    void aBadColorValueIsAUsageErrorBeforeAnyRequest() {
        CliRun.Result r = cli("list", "--color=sometimes");
        assertFails(ExitCodes.USAGE, r);
        assertTrue(r.err().contains("--color must be auto, always or never, not 'sometimes'"), r::toString);
        server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
