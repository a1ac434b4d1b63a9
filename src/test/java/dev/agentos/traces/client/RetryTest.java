package dev.agentos.traces.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.agentos.traces.testsupport.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.agentos.traces.testsupport.Stubs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transient failures are tried again (bounded, backed off, Retry-After honoured); the rest never are. */
class RetryTest {

    WireMockServer server;
    final List<Long> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        server = Stubs.started();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    AgentOsClient client(String url) {
        ConnectionOptions o = ConnectionOptions.resolve(url, null, null, null, null, Map.of());
        return new AgentOsClient(o, new UrlConnectionTransport(o), new RetryPolicy(sleeps::add, RetryPolicy.MAX_TRIES));
    }

    void failThenServe(String path, int... statuses) {
        String state = STARTED;
        for (int i = 0; i < statuses.length; i++) {
            server.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(statuses[i]).withHeader("Retry-After", i == 0 ? "2" : "")
                            .withBody("<html>Bad Gateway</html>"))
                    .willSetStateTo("try" + (i + 2)));
            state = "try" + (i + 2);
        }
        server.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_list.json"))));
    }

    @Test
    void aGetThatMeetsARestartingServerSucceedsOnItsThirdTry() {
        failThenServe("/traces", 503, 502);
        AgentOsClient c = client(server.baseUrl());
        assertEquals(21, c.listTraces(TraceFilter.NONE, 1, 20).meta().totalCount());
        assertEquals(3, c.requestCount());
        assertEquals(2, sleeps.size());
        assertEquals(2000, sleeps.get(0), "Retry-After: 2 is honoured");
        assertTrue(sleeps.get(1) >= 200 && sleeps.get(1) <= 300, "exponential back-off with jitter: " + sleeps);
    }

    @Test
    void afterThreeTriesTheErrorIsReported() {
        failThenServe("/traces", 503, 503, 503);
        AgentOsClient c = client(server.baseUrl());
        assertThrows(AgentOsException.ServerError.class, () -> c.listTraces(TraceFilter.NONE, 1, 20));
        assertEquals(3, c.requestCount());
    }

    @Test
    void aResetConnectionIsRetriedForGets() {
        server.stubFor(get(urlPathEqualTo("/traces")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/traces")).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_list.json"))));
        assertEquals(21, client(server.baseUrl()).listTraces(TraceFilter.NONE, 1, 20).meta().totalCount());
    }

    @Test
    void searchIsRetriedOnlyWhenTheServerSaysItDidNotProcessIt() {
        server.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(502).withBody("{}")));
        AgentOsClient c = client(server.baseUrl());
        assertThrows(AgentOsException.ServerError.class, () -> c.searchRuns(null, 1, 20, null));
        server.verify(1, postRequestedFor(urlPathEqualTo("/traces/search")));
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1").withBody("{}")));
        assertThrows(AgentOsException.ServerError.class, () -> c.searchRuns(null, 1, 20, null));
        server.verify(3, postRequestedFor(urlPathEqualTo("/traces/search")));
    }

    @Test
    void clientErrorsAndTimeoutsAreNeverRetried() {
        server.stubFor(get(urlPathEqualTo("/traces/00000000000000000000000000000000"))
                .willReturn(aResponse().withStatus(404).withBody(Fixtures.body("trace_unknown_404.json"))));
        server.stubFor(get(urlPathEqualTo("/traces")).willReturn(aResponse().withStatus(401)
                .withBody(Fixtures.body("auth/traces_no_auth_401.json"))));
        AgentOsClient c = client(server.baseUrl());
        assertThrows(AgentOsException.NotFound.class, () -> c.getTrace("00000000000000000000000000000000", null));
        assertThrows(AgentOsException.Unauthorized.class, () -> c.listTraces(TraceFilter.NONE, 1, 20));
        assertEquals(2, c.requestCount());
        assertTrue(sleeps.isEmpty());
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")));
    }

    @Test
    void aRefusedConnectionIsTriedThreeTimesThenReported() {
        AgentOsClient c = client("http://127.0.0.1:9");
        assertThrows(AgentOsException.Unreachable.class, () -> c.listTraces(TraceFilter.NONE, 1, 20));
        assertEquals(3, c.requestCount());
        assertEquals(2, sleeps.size());
    }

    @Test
    void retryAfterAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-11-24T16:00:00Z");
        assertEquals(3000L, RetryPolicy.retryAfterMillis("3", now));
        assertEquals(5000L, RetryPolicy.retryAfterMillis("Tue, 24 Nov 2026 16:00:05 GMT", now));
        assertEquals(null, RetryPolicy.retryAfterMillis("soon", now));
        assertEquals(null, RetryPolicy.retryAfterMillis(null, now));
    }
}
