package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The top level behaves like Agno's view_traces.py: --limit, --trace-id, --stats. */
class RootCommandTest extends CliTestBase {

    @Test
    void limitLists() {
        CliRun.Result r = ok("--limit", "5");
        assertTrue(r.out().startsWith("Traces 1-5 of 21, page 1/5, newest first\n"), r.out());
        assertEquals(fixtureIds("traces_limit5_page1.json"), listedIds(r.out()));
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("5")));
    }

    @Test
    void noArgumentsOnATerminalLists() {
        CliRun.Result r = ok();
        assertEquals(fixtureIds("traces_list.json"), listedIds(r.out()));
    }

    @Test
    void traceIdShowsTheTree() {
        CliRun.Result r = ok("--trace-id", TOOL_ERROR_TRACE);
        GetCommandTest.assertToolErrorTrace(r.out());
    }

    @Test
    void traceIdAsJson() {
        JsonNode j = json(ok("--trace-id", TOOL_ERROR_TRACE, "--json").out());
        assertEquals(195, j.get("tokens").get("total_tokens").asInt());
    }

    @Test
    void statsShowsSessions() {
        CliRun.Result r = ok("--stats");
        assertTrue(r.out().startsWith("Sessions 1-3 of 3, page 1/1, most recently active first\n"), r.out());
        assertTrue(r.out().contains("\nTotals over all 3 sessions: 21 traces, "), r.out());
    }

    @Test
    void helpNamesTheSubcommandsAndExitCodes() {
        CliRun.Result r = ok("--help");
        for (String word : new String[] {"list", "get", "stats", "tokens", "serve", "--trace-id", "--stats", "--limit"}) {
            assertTrue(r.out().contains(word), word + " in\n" + r.out());
        }
        assertTrue(r.out().contains("Exit codes: 0 ok"), r.out());
        for (String code : new String[] {"2 usage error", "3 AgentOS unreachable", "4 AgentOS refused the key",
                "5 not found"}) {
            assertTrue(r.out().replaceAll("\\s+", " ").contains(code), code + " in\n" + r.out());
        }
    }

    @Test
    void helpOfASubcommand() {
        CliRun.Result r = ok("list", "--help");
        assertTrue(r.out().contains("--sort-by"), r.out());
    }

    @Test
    void version() {
        CliRun.Result r = ok("--version");
        assertTrue(r.out().matches("agentos-traces-mcp \\d+\\.\\d+\\.\\d+\\S*\n"), r.out());
    }

    @Test
    void everySubcommandKnowsTheVersion() {
        String version = ok("--version").out();
        for (String sub : new String[] {"list", "get", "stats", "tokens", "serve"}) {
            assertEquals(version, ok(sub, "--version").out(), sub);
        }
    }

    @Test
    void baseUrlOverridesTheEnvironment() {
        Map<String, String> env = Map.of("AGENTOS_URL", "http://127.0.0.1:1");
        CliRun.Result r = CliRun.run(env, "--base-url", server.baseUrl(), "--limit", "5");
        assertEquals(0, r.code(), r::toString);
        assertEquals(fixtureIds("traces_limit5_page1.json"), listedIds(r.out()));
        CliRun.Result sub = CliRun.run(env, "list", "--base-url", server.baseUrl() + "/", "--limit", "5");
        assertEquals(0, sub.code(), sub::toString);
        assertEquals(fixtureIds("traces_limit5_page1.json"), listedIds(sub.out()));
    }

    @Test
    void baseUrlBeforeTheSubcommandIsNotIgnored() {
        Map<String, String> env = Map.of("AGENTOS_URL", "http://127.0.0.1:1");
        CliRun.Result r = CliRun.run(env, "--base-url", server.baseUrl(), "list", "--limit", "5");
        assertEquals(0, r.code(), r::toString);
        assertEquals(fixtureIds("traces_limit5_page1.json"), listedIds(r.out()));
    }

    @Test
    void traceIdAndStatsTogetherIsAUsageError() {
        assertFails(ExitCodes.USAGE, cli("--trace-id", TOOL_ERROR_TRACE, "--stats"));
    }

    @Test
    void topLevelFlagsBeforeASubcommandAreRefusedNotIgnored() {
        for (String[] args : new String[][] {{"--json", "list"}, {"--limit", "5", "list"}, {"--stats", "stats"},
                {"--trace-id", TOOL_ERROR_TRACE, "get", TOOL_ERROR_TRACE}}) {
            CliRun.Result r = cli(args);
            assertFails(ExitCodes.USAGE, r);
            assertTrue(r.err().startsWith("error: " + args[0] + " before a subcommand has no effect"), r::toString);
        }
        server.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void viewTracesLimitOutside1To100IsAUsageErrorAndSendsNothing() {
        assertFails(ExitCodes.USAGE, cli("--limit", "0"));
        assertFails(ExitCodes.USAGE, cli("--limit", "101"));
        server.verify(0, getRequestedFor(urlPathEqualTo("/traces")));
    }
}
