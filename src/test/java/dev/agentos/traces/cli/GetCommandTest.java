package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

class GetCommandTest extends CliTestBase {

    static final String TREE = String.join("\n",
            "AGENT Ops_Agent.arun 203.65ms OK [b814b892dcc86f5b]",
            "  LLM OfflineSim.ainvoke 42.31ms OK model=offline-sim-2 tokens=61+20 [1f51f1f6b45fc6cc]",
            "  TOOL lookup_inventory 6.74ms ERROR [9b8c76d6e3668c78]",
            "    error: Inventory service unavailable for item 'nuts' (simulated outage)",
            "  LLM OfflineSim.ainvoke 51.25ms OK model=offline-sim-2 tokens=82+32 [91942e14038ceb35]");

    static void assertToolErrorTrace(String out) {
        assertTrue(out.startsWith("Trace " + TOOL_ERROR_TRACE + " | Ops_Agent.arun | OK, 1 failed span | 203.65ms | 4 spans\n"),
                out);
        assertTrue(out.contains("run=" + TOOL_ERROR_RUN + " agent=ops-agent session=sess-gamma user=bob\n"), out);
        assertTrue(out.contains("\n! status OK, but 1 span failed; first: tool lookup_inventory "
                + "(Inventory service unavailable for item 'nuts' (simulated outage))\n"), out);
        assertTrue(out.contains("\ntokens: 195 (143 in + 52 out) (offline-sim-2), 2 LLM calls\n"), out);
        assertTrue(out.contains("\ninput: \"fail on purpose: lookup nuts\"\n"), out);
        assertTrue(out.contains("\n" + TREE + "\n"), out);
        assertTrue(out.endsWith("\nOne span in full: agentos-traces-mcp get " + TOOL_ERROR_TRACE + " --span-id <id>\n"), out);
    }

    @Test
    void showsTheTreeWithTheFailedToolAndTheLlmTokens() {
        CliRun.Result r = ok("get", TOOL_ERROR_TRACE);
        assertToolErrorTrace(r.out());
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces/" + TOOL_ERROR_TRACE)));
    }

    @Test
    void ioShowsSpanInputsCut() {
        CliRun.Result r = ok("get", TOOL_ERROR_TRACE, "--io", "--io-chars", "10");
        assertTrue(r.out().contains("    input: \"{\"item\": \"…(+6 chars)\"\n"), r.out());
    }

    @Test
    void maxSpansCutsTheTreeAndSaysSo() {
        CliRun.Result r = ok("get", TOOL_ERROR_TRACE, "--max-spans", "2");
        assertTrue(r.out().contains("\n…[2 more spans not shown (--max-spans 2); use --span-id <id> for one span, or a larger --max-spans]\n"),
                r.out());
        assertFalse(r.out().contains("91942e14038ceb35"), r.out());
    }

    @Test
    void jsonHasTheVerdictFailuresTokensAndSpans() {
        JsonNode j = json(ok("get", TOOL_ERROR_TRACE, "--json").out());
        assertEquals(TOOL_ERROR_TRACE, j.get("trace_id").asText());
        assertEquals("OK", j.get("status").asText());
        assertTrue(j.get("verdict").asText().startsWith("status OK, but 1 span failed; first: tool lookup_inventory"));
        assertEquals(1, j.get("failures").size());
        assertEquals("9b8c76d6e3668c78", j.get("failures").get(0).get("span_id").asText());
        assertEquals("Inventory service unavailable for item 'nuts' (simulated outage)",
                j.get("failures").get(0).get("error").asText());
        assertEquals(195, j.get("tokens").get("total_tokens").asInt());
        assertEquals(4, j.get("spans_total").asInt());
        JsonNode llm = j.get("spans").get(3);
        assertEquals("offline-sim-2", llm.get("model").asText());
        assertEquals(82, llm.get("input_tokens").asInt());
        assertEquals(32, llm.get("output_tokens").asInt());
        assertEquals("b814b892dcc86f5b", llm.get("parent_id").asText());
    }

    @Test
    void oneSpanWithItsErrorAndInput() {
        CliRun.Result r = ok("get", TOOL_ERROR_TRACE, "--span-id", "9b8c76d6e3668c78");
        assertEquals(String.join("\n",
                "Span 9b8c76d6e3668c78 of trace " + TOOL_ERROR_TRACE,
                "TOOL lookup_inventory 6.74ms ERROR [9b8c76d6e3668c78]",
                "2026-11-23T23:42:23.521609Z → 2026-11-23T23:42:23.528346Z",
                "parameters: {\"item\": \"nuts\"}",
                "error: Inventory service unavailable for item 'nuts' (simulated outage)",
                "input (chars 0-16 of 16):",
                "{\"item\": \"nuts\"}",
                "output: (none)") + "\n", r.out());
        server.verify(getRequestedFor(urlPathEqualTo("/traces/" + TOOL_ERROR_TRACE))
                .withQueryParam("span_id", equalTo("9b8c76d6e3668c78")));
    }

    @Test
    void oneSpanWindowSaysHowToReadOn() {
        CliRun.Result r = ok("get", TOOL_ERROR_TRACE, "--span-id", "9b8c76d6e3668c78", "--max-chars", "4");
        assertTrue(r.out().contains("\ninput (chars 0-4 of 16):\n{\"it\n…[cut: 12 more chars of input; agentos-traces-mcp get "
                + TOOL_ERROR_TRACE + " --span-id 9b8c76d6e3668c78 --offset 4 to read on]\n"), r.out());
    }

    @Test
    void oneSpanAsJsonWithAWindow() {
        JsonNode j = json(ok("get", TOOL_ERROR_TRACE, "--span-id", "9b8c76d6e3668c78", "--json", "--offset", "2",
                "--max-chars", "4").out());
        assertEquals("lookup_inventory", j.get("name").asText());
        assertEquals("ERROR", j.get("status").asText());
        assertEquals("item", j.get("input").get("text").asText());
        assertEquals(16, j.get("input").get("total_chars").asInt());
        assertEquals(6, j.get("input").get("next_offset").asInt());
    }

    @Test
    void aSpanOfAnotherTraceIsNotFound() {
        CliRun.Result r = cli("get", "0809167314b7f072717716997a701ef0", "--span-id", "b814b892dcc86f5b");
        assertFails(ExitCodes.NOT_FOUND, r);
        assertTrue(r.err().contains("belongs to another trace"), r::toString);
    }

    @Test
    void anUnknownSpanIsNotFound() {
        CliRun.Result r = cli("get", "0809167314b7f072717716997a701ef0", "--span-id", "0000000000000000");
        assertFails(ExitCodes.NOT_FOUND, r);
        assertTrue(r.err().contains("Span 0000000000000000 was not found"), r::toString);
    }

    /** The client asks for one row (limit=1); the capture used the default page, whose body holds that one row. */
    private void stubRunLookup() {
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(TOOL_ERROR_RUN))
                .withQueryParam("limit", equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("traces_filter_run_id.json"))));
    }

    @Test
    void byRunIdResolvesThroughTheList() {
        stubRunLookup();
        CliRun.Result r = ok("get", "--run-id", TOOL_ERROR_RUN);
        assertToolErrorTrace(r.out());
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo(TOOL_ERROR_RUN)));
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces/" + TOOL_ERROR_TRACE)));
    }

    @Test
    void aSpanByRunId() {
        stubRunLookup();
        CliRun.Result r = ok("get", "--run-id", TOOL_ERROR_RUN, "--span-id", "9b8c76d6e3668c78");
        assertTrue(r.out().startsWith("Span 9b8c76d6e3668c78 of trace " + TOOL_ERROR_TRACE + "\n"), r.out());
    }

    @Test
    void anUnknownRunIsNotFound() {
        // a real empty page (no trace has status ERROR in the capture) stands for "no trace has this run id"
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("run_id", equalTo("no-such-run"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("traces_filter_status_error.json"))));
        CliRun.Result r = cli("get", "--run-id", "no-such-run");
        assertFails(ExitCodes.NOT_FOUND, r);
        assertTrue(r.err().startsWith("error: No trace has run_id no-such-run; "), r::toString);
    }

    @Test
    void anUnknownTraceIsNotFound() {
        CliRun.Result r = cli("get", "00000000000000000000000000000000");
        assertFails(ExitCodes.NOT_FOUND, r);
        assertTrue(r.err().startsWith("error: Trace 00000000000000000000000000000000 was not found at "), r::toString);
    }

    @Test
    void needsATraceIdOrARunId() {
        CliRun.Result r = cli("get");
        assertFails(ExitCodes.USAGE, r);
        assertTrue(r.err().contains("TRACE_ID") && r.err().contains("--run-id"), r::toString);
        CliRun.Result both = cli("get", TOOL_ERROR_TRACE, "--run-id", TOOL_ERROR_RUN, "--span-id", "9b8c76d6e3668c78");
        assertFails(ExitCodes.USAGE, both);
        server.verify(0, getRequestedFor(urlPathEqualTo("/traces/" + TOOL_ERROR_TRACE)));
    }

    @Test
    void boundsAreChecked() {
        assertFails(ExitCodes.USAGE, cli("get", TOOL_ERROR_TRACE, "--max-spans", "0"));
        assertFails(ExitCodes.USAGE, cli("get", TOOL_ERROR_TRACE, "--max-chars", "0"));
        assertFails(ExitCodes.USAGE, cli("get", TOOL_ERROR_TRACE, "--offset", "-1"));
    }

    @Test
    void onATerminalTheTreeIsDrawnWithBoxCharacters() {
        CliRun.Result r = CliRun.onTerminal(java.util.Map.of("AGENTOS_URL", server.baseUrl(), "NO_COLOR", "1"), "get",
                "adeaf270dc73dcf3839ce972cfb6779f");
        assertEquals(0, r.code(), r::toString);
        String tree = r.out().substring(r.out().indexOf("TEAM Support_Team.arun"));
        java.util.List<String> lines = tree.lines().limit(8).toList();
        assertEquals("TEAM Support_Team.arun 315.39ms OK [3af4801ddda7817f]", lines.get(0));
        String glyphs = lines.stream().map(l -> l.replaceAll("[A-Z]+ [A-Za-z_.]+ .*", "")).reduce("", (a, b) -> a + b + "|");
        String expected = "|├─ |├─ |├─ |│  ├─ |│  ├─ |│  └─ |└─ |";
        if (!new Context(java.util.Map.of(), CliRun.CLOCK).utf8()) { // a terminal that cannot show them gets ASCII
            expected = expected.replace("├─", "|-").replace("└─", "`-").replace("│", "|");
        }
        assertEquals(expected, glyphs, tree);
        CliRun.Result piped = ok("get", "adeaf270dc73dcf3839ce972cfb6779f");
        assertTrue(!piped.out().contains("├─"), "plain indentation when not a terminal");
    }
}
