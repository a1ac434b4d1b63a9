package dev.agentos.traces.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import dev.agentos.traces.testsupport.Stubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each failure is its own exception type with one sentence that says what to do; the key never leaks. */
class AgentOsClientErrorsTest {

    static final String SECRET = "s3cr3t-key-that-must-never-print";
    WireMockServer server;

    @BeforeEach
    void start() {
        server = Stubs.started();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    AgentOsClient client(Map<String, String> env) {
        return AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, Duration.ofMillis(500),
                Duration.ofMillis(700), null, env));
    }

    AgentOsClient client() {
        return client(Map.of());
    }

    void serve(int status, String body) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    @Test
    void unreachableNamesTheUrlAndHowToChangeIt() {
        AgentOsClient c = AgentOsClient.create(ConnectionOptions.resolve("http://127.0.0.1:9", null, null, null, null, Map.of()));
        AgentOsException e = assertThrows(AgentOsException.Unreachable.class, () -> c.listTraces(TraceFilter.NONE, 1, 20));
        assertEquals("Cannot reach AgentOS at http://127.0.0.1:9 (connection refused). Is it running? Set the address "
                + "with --base-url or the AGENTOS_URL environment variable.", e.getMessage());
    }

    @Test
    void aSlowReplyIsATimeoutThatSaysWhichFlagRaisesIt() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(3000).withBody("{}")));
        AgentOsException e = assertThrows(AgentOsException.Timeout.class, () -> client().getTrace("abc", null));
        assertEquals("AgentOS did not answer GET /traces/abc within 700 ms. It may be overloaded; retry, or raise "
                + "the limit with --timeout.", e.getMessage());
        server.resetAll();
        AgentOsStub.open(server);
        assertEquals(21, client().listTraces(TraceFilter.NONE, 1, 20).meta().totalCount(), "the next call works");
    }

    @Test
    void aConnectionResetIsUnreachableAndTheNextCallWorks() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        AgentOsException e = assertThrows(AgentOsException.Unreachable.class, () -> client().listTraces(TraceFilter.NONE, 1, 20));
        assertTrue(e.getMessage().contains("the connection failed during GET /traces"), e.getMessage());
        server.resetAll();
        AgentOsStub.open(server);
        assertEquals(21, client().listTraces(TraceFilter.NONE, 1, 20).meta().totalCount());
    }

    @Test
    void missingWrongAndRightKeys() {
        AgentOsStub.secured(server);
        AgentOsException none = assertThrows(AgentOsException.Unauthorized.class, () -> client().listTraces(TraceFilter.NONE, 1, 2));
        assertEquals("AgentOS requires a security key (401: Authorization header required). Set AGENTOS_SECURITY_KEY "
                + "(or OS_SECURITY_KEY, or --security-key-file) to the server's OS_SECURITY_KEY.", none.getMessage());
        AgentOsException wrong = assertThrows(AgentOsException.Unauthorized.class,
                () -> client(Map.of("AGENTOS_SECURITY_KEY", "wrong")).listTraces(TraceFilter.NONE, 1, 2));
        assertTrue(wrong.getMessage().startsWith("AgentOS rejected the security key (401: Invalid authentication token)."));
        assertEquals(2, client(Map.of("AGENTOS_SECURITY_KEY", AgentOsStub.KEY)).listTraces(TraceFilter.NONE, 1, 2).data().size());
        server.verify(getRequestedFor(urlPathEqualTo("/traces")).withHeader("Authorization", equalTo("Bearer test-secret")));
        assertEquals(1, client(Map.of("OS_SECURITY_KEY", AgentOsStub.KEY)).sessionStats(TraceFilter.NONE, 1, 1).data().size());
        assertThrows(AgentOsException.Unauthorized.class, () -> client().getTrace("00000000000000000000000000000000", null));
        assertThrows(AgentOsException.Unauthorized.class, () -> client().searchRuns(null, 1, 20, null));
        assertThrows(AgentOsException.Unauthorized.class, () -> client().filterSchema(null));
    }

    @Test
    void theKeyNeverAppearsInAnyMessage() {
        AgentOsStub.secured(server);
        AgentOsException e = assertThrows(AgentOsException.class,
                () -> client(Map.of("AGENTOS_SECURITY_KEY", SECRET)).listTraces(TraceFilter.NONE, 1, 2));
        assertFalse(e.getMessage().contains(SECRET));
        ConnectionOptions o = ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of("AGENTOS_SECURITY_KEY", SECRET));
        assertFalse(o.toString().contains(SECRET));
        assertTrue(o.toString().contains("securityKey=***"));
    }

    @Test
    void forbiddenNamesTheScope() {
        serve(403, "{\"detail\": \"Insufficient permissions. Required scope(s): traces:read\"}");
        AgentOsException e = assertThrows(AgentOsException.Unauthorized.class, () -> client().listTraces(TraceFilter.NONE, 1, 20));
        assertTrue(e.getMessage().contains("traces:read"), e.getMessage());
    }

    @Test
    void notFoundSaysWhatWasMissingAndWhereToLook() {
        AgentOsStub.open(server);
        assertEquals("Trace 00000000000000000000000000000000 was not found at " + server.baseUrl()
                + "; list_traces shows recent trace ids (check db_id if AgentOS has several databases).",
                assertThrows(AgentOsException.NotFound.class, () -> client().getTrace("00000000000000000000000000000000", null)).getMessage());
        assertTrue(assertThrows(AgentOsException.NotFound.class,
                () -> client().getSpan("0809167314b7f072717716997a701ef0", "0000000000000000", null)).getMessage()
                .startsWith("Span 0000000000000000 was not found in trace 0809167314b7f072717716997a701ef0"));
        assertTrue(assertThrows(AgentOsException.NotFound.class,
                () -> client().getSpan("0809167314b7f072717716997a701ef0", "b814b892dcc86f5b", null)).getMessage()
                .startsWith("Span b814b892dcc86f5b belongs to another trace"));
    }

    @Test
    void anUnknownRouteSaysItIsNotAnAgentOsWithTracing() {
        serve(404, Fixtures.body("traces_stats_sessions_guess_404.json"));
        AgentOsException e = assertThrows(AgentOsException.NotFound.class, () -> client().listTraces(TraceFilter.NONE, 1, 20));
        assertEquals("AgentOS at " + server.baseUrl() + " has no route GET /traces (404). Is it an AgentOS with tracing on "
                + "(agno 2.x), and is --base-url right?", e.getMessage());
    }

    @Test
    void sessionStatsRetriesOnceAtTheDocumentedAlternativePath() {
        server.stubFor(get(urlPathEqualTo("/trace_session_stats")).willReturn(aResponse().withStatus(404)
                .withBody(Fixtures.body("traces_stats_sessions_guess_404.json"))));
        server.stubFor(get(urlPathEqualTo("/traces/stats/sessions")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.body("trace_session_stats.json"))));
        assertEquals(3, client().sessionStats(TraceFilter.NONE, 1, 20).meta().totalCount());
        server.verify(1, getRequestedFor(urlPathEqualTo("/trace_session_stats")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces/stats/sessions")));
        server.resetAll();
        serve(404, Fixtures.body("traces_stats_sessions_guess_404.json"));
        AgentOsException e = assertThrows(AgentOsException.NotFound.class, () -> client().sessionStats(TraceFilter.NONE, 1, 20));
        assertTrue(e.getMessage().contains("tried /trace_session_stats and /traces/stats/sessions"), e.getMessage());
    }

    @Test
    void validationErrorsShowFastApisDetail() {
        serve(422, Fixtures.body("traces_limit0_invalid.json"));
        assertEquals("AgentOS rejected the request (422): limit: Input should be greater than or equal to 1 (got 0)",
                assertThrows(AgentOsException.BadRequest.class, () -> client().listTraces(TraceFilter.NONE, 1, 20)).getMessage());
        serve(422, Fixtures.body("search_limit_over_max_422.json"));
        assertTrue(assertThrows(AgentOsException.BadRequest.class, () -> client().searchRuns(null, 1, 20, null)).getMessage()
                .endsWith("limit: Input should be less than or equal to 100 (got 500)"));
        serve(400, Fixtures.body("search_invalid_filter_400.json"));
        assertEquals("AgentOS rejected the request (400): Invalid filter expression: Unknown filter operator: NOPE",
                assertThrows(AgentOsException.BadRequest.class,
                        () -> client().searchRuns(Map.of("op", "NOPE", "key", "status", "value", "OK"), 1, 20, null)).getMessage());
    }

    @Test
    void serverErrorsShowTheirDetail() {
        serve(500, Fixtures.body("traces_bad_start_time.json"));
        AgentOsException e = assertThrows(AgentOsException.ServerError.class, () -> client().listTraces(TraceFilter.NONE, 1, 20));
        assertTrue(e.getMessage().startsWith("AgentOS failed with an internal error (500): Error retrieving traces: 400: "
                + "Invalid start_time format."), e.getMessage());
        serve(503, "<html><body>Service Unavailable</body></html>");
        assertEquals("AgentOS failed with an internal error (503): an HTML page instead of JSON (is a proxy in front of "
                + "AgentOS?). It may be restarting; retry in a moment.",
                assertThrows(AgentOsException.ServerError.class, () -> client().listTraces(TraceFilter.NONE, 1, 20)).getMessage());
    }

    @Test
    void repliesThatAreNotTheJsonExpected() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!doctype html><title>AgentOS UI</title>")));
        assertTrue(assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20))
                .getMessage().startsWith("AgentOS answered GET /traces with a body that is not JSON (text/html)."));
        String whole = Fixtures.body("trace_detail_tool_error.json");
        serve(200, whole.substring(0, whole.length() / 2));
        assertThrows(AgentOsException.BadResponse.class, () -> client().getTrace("16a3d91143cd09bae7f87594b93c261c", null));
        serve(200, Fixtures.body("traces_limit5_page1.json").replace("\"total_spans\": 4", "\"total_spans\": \"four\""));
        assertTrue(assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20))
                .getMessage().contains("expected 'total_spans' to be an integer"));
        serve(200, Fixtures.body("traces_limit5_page1.json").replace("\"start_time\": \"2026-11-23T23:42:25.075897Z\"",
                "\"start_time\": \"yesterday-ish\""));
        assertTrue(assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20))
                .getMessage().contains("'start_time' to be an ISO 8601 timestamp"));
        serve(200, "[1, 2, 3]");
        assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20));
    }

    @Test
    void aReplyOverTheSizeCapIsRefused() {
        serve(200, Fixtures.body("search_all_runs_limit100.json"));
        AgentOsClient small = AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of())
                .withMaxBodyBytes(10_000));
        AgentOsException e = assertThrows(AgentOsException.BadResponse.class, () -> small.searchRuns(null, 1, 100, null));
        assertTrue(e.getMessage().contains("the size cap; ask for fewer items"), e.getMessage());
    }

    @Test
    void idsCannotChangeThePathAndQueryValuesAreEncoded() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Trace not found\"}")));
        assertThrows(ArgumentException.class, () -> client().getTrace("../x", null));
        assertThrows(ArgumentException.class, () -> client().getTrace("a\u0000b", null));
        assertThrows(ArgumentException.class, () -> client().getTrace("x".repeat(300), null));
        assertEquals(0, server.getAllServeEvents().size(), "a rejected id sends nothing");
        assertThrows(AgentOsException.NotFound.class, () -> client().getTrace("a b", null));
        assertThrows(AgentOsException.NotFound.class, () -> client().getTrace("..", null));
        server.verify(getRequestedFor(urlEqualTo("/traces/a%20b")));
        server.verify(getRequestedFor(urlEqualTo("/traces/%2E%2E")));
        serve(200, Fixtures.body("traces_page_beyond.json"));
        TraceFilter f = TraceFilter.builder().sessionId("s&x=1 +y")
                .startTime(Times.parseUserTime("start_time", "2026-11-23T10:00:00+05:30", Instant.EPOCH)).build();
        client().listTraces(f, 1, 20);
        server.verify(getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("session_id", equalTo("s&x=1 +y"))
                .withQueryParam("start_time", equalTo("2026-11-23T04:30:00Z")));
    }

    @Test
    void argumentsAreCheckedBeforeAnyRequest() {
        assertThrows(ArgumentException.class, () -> client().listTraces(TraceFilter.NONE, 0, 20));
        assertThrows(ArgumentException.class, () -> client().listTraces(TraceFilter.NONE, 1, 101));
        assertThrows(ArgumentException.class, () -> TraceFilter.builder().status("BOGUS").build());
        assertThrows(ArgumentException.class, () -> TraceFilter.builder()
                .startTime(Instant.parse("2026-01-02T00:00:00Z")).endTime(Instant.parse("2026-01-01T00:00:00Z")).build());
        assertThrows(ArgumentException.class, () -> ConnectionOptions.resolve("ftp://x", null, null, null, null, Map.of()));
        assertEquals(0, server.getAllServeEvents().size());
    }
}
