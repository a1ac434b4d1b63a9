package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Usage errors (2), not found (5), unreachable (3); each one "error: " line on stderr, nothing on stdout. */
class ExitCodesTest extends CliTestBase {

    @ParameterizedTest
    @ValueSource(strings = {
        "list --bogus",
        "--bogus",
        "get " + TOOL_ERROR_TRACE + " --bogus",
        "list --limit 0",
        "list --limit 101",
        "list --limit abc",
        "list --page 0",
        "list --since yesterdayish",
        "list --until 2026-13-45",
        "list --since 2026-11-24 --until 2026-11-23",
        "get a/b",
        "--trace-id a/b",
        "list --status BOGUS",
        "tokens --status BOGUS",
        "list --sort-by nope",
        "list --sort-order up",
        "list --timeout 0",
        "list --base-url ftp://x",
        "nonsense",
        "list extra-argument",
        "--limit 0",
        "--limit 101",
    })
    void usageErrors(String args) {
        CliRun.Result r = cli(args.split(" "));
        assertFails(ExitCodes.USAGE, r);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void usageMessagesNameTheFlag() {
        assertTrue(cli("list", "--limit", "0").err().contains("--limit"));
        assertTrue(cli("list", "--limit", "101").err().contains("1 to 100"));
        assertTrue(cli("list", "--page", "0").err().contains("--page"));
        assertTrue(cli("list", "--since", "yesterdayish").err().startsWith("error: --since 'yesterdayish' is not a time"));
        assertTrue(cli("list", "--bogus").err().contains("--bogus"));
        assertTrue(cli("list", "--sort-by", "nope").err().contains("--sort-by"));
        assertTrue(cli("list", "--status", "BOGUS").err().contains("OK or ERROR"));
        assertTrue(cli("get", "a/b").err().contains("slash"));
    }

    @Test
    void aParseErrorIsOneLinePointingAtHelp() {
        CliRun.Result r = cli("list", "--limt", "5");
        assertFails(ExitCodes.USAGE, r);
        assertTrue(r.err().startsWith("error: Unknown options: '--limt', '5'; did you mean --limit? "), r::toString);
        assertTrue(r.err().contains("--limit?"), r::toString);
        assertTrue(r.err().endsWith("(see: agentos-traces-mcp list --help)\n"), r::toString);
        CliRun.Result notInt = cli("list", "--limit", "abc");
        assertTrue(notInt.err().startsWith("error: Invalid value for option '--limit': 'abc' is not an int"),
                notInt::toString);
    }

    @Test
    void aDotDotIdIsEncodedNotFollowed() {
        // ".." is just an unknown id: sent as /traces/%2E%2E, never as a path step
        CliRun.Result r = cli("get", "..");
        assertFails(ExitCodes.NOT_FOUND, r);
        server.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/traces/%2E%2E")));
    }

    @Test
    void anUnknownTraceExitsWithNotFoundFromGetTokensAndTraceId() {
        CliRun.Result r = cli("get", "00000000000000000000000000000000");
        assertFails(ExitCodes.NOT_FOUND, r);
        assertFails(ExitCodes.NOT_FOUND, cli("tokens", "00000000000000000000000000000000"));
        assertFails(ExitCodes.NOT_FOUND, cli("--trace-id", "00000000000000000000000000000000"));
    }

    static String closedPortUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "get " + TOOL_ERROR_TRACE, "stats", "tokens", "--stats", "--limit 5"})
    void unreachable(String args) throws IOException {
        String url = closedPortUrl();
        CliRun.Result r = CliRun.at(url, args.split(" "));
        assertFails(ExitCodes.UNREACHABLE, r);
        assertTrue(r.err().startsWith("error: Cannot reach AgentOS at " + url + " "), r::toString);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsExit3() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/traces")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withHeader("Content-Type", "application/json").withFixedDelay(3000)
                        .withBody(dev.agentos.traces.testsupport.Fixtures.body("traces_list.json"))));
        CliRun.Result r = cli("list", "--timeout", "0.3");
        assertFails(ExitCodes.UNREACHABLE, r);
        assertTrue(r.err().startsWith("error: AgentOS did not answer GET /traces within 300 ms."), r::toString);
    }

    @Test
    void anAgentOsInternalErrorIsExit6() {
        // the real 500 AgentOS gives for a bad time, served for a plain list
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/traces")).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(dev.agentos.traces.testsupport.Fixtures.body("traces_bad_start_time.json"))));
        CliRun.Result r = cli("list");
        assertFails(ExitCodes.AGENTOS_ERROR, r);
        assertTrue(r.err().startsWith("error: AgentOS failed with an internal error (500): Error retrieving traces: "),
                r::toString);
    }

    @Test
    void noStackTraceForAnAgentOsError() {
        // GET /traces?limit=5&page=99 with a sort scans; the stub answers the unknown request with its own 404
        CliRun.Result r = cli("stats", "--limit", "1", "--page", "2");
        assertTrue(r.code() != 0, r::toString);
        assertEquals("", r.out());
        assertOneErrorLine(r);
    }
}
