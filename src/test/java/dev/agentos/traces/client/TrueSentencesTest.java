package dev.agentos.traces.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 items 16-18: each fault gets its own true sentence (and 429 its retry). */
class TrueSentencesTest {

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

    AgentOsClient client() {
        ConnectionOptions o = ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of());
        return new AgentOsClient(o, new UrlConnectionTransport(o), new RetryPolicy(sleeps::add, RetryPolicy.MAX_TRIES));
    }

    void serve(int status, byte[] body) {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void a429IsTriedAgainAfterRetryAfterForGetsAndSearches() {
        server.stubFor(get(urlPathEqualTo("/traces")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("{\"detail\":\"slow down\"}"))
                .willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/traces")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_list.json"))));
        assertFalse(client().listTraces(TraceFilter.NONE, 1, 20).data().isEmpty());
        assertEquals(List.of(3000L), sleeps, "Retry-After honoured");

        server.resetAll();
        sleeps.clear();
        server.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(429)
                .withBody("{\"detail\":\"Too Many Requests\"}")));
        AgentOsException.ServerError e = assertThrows(AgentOsException.ServerError.class,
                () -> client().searchRuns(null, 1, 100, null));
        assertEquals(RetryPolicy.MAX_TRIES, server.getAllServeEvents().size(), "a 429 search was not processed: tried again");
        assertTrue(e.unavailable());
        assertTrue(e.getMessage().startsWith("AgentOS (or a proxy in front of it) is limiting requests (429: Too Many "
                + "Requests)"), e.getMessage());
        assertTrue(e.getMessage().contains("wait a minute and retry"), e.getMessage());
    }

    @Test
    void tooDeepInvalidUtf8AndNotJsonAreThreeDifferentSentences() {
        serve(200, ("{\"data\":" + "[".repeat(600) + "]".repeat(600) + "}").getBytes(StandardCharsets.UTF_8));
        String deep = assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20))
                .getMessage();
        assertTrue(deep.startsWith("AgentOS answered GET /traces with JSON nested deeper than 500 levels"), deep);

        byte[] body = Fixtures.body("traces_list.json").getBytes(StandardCharsets.UTF_8);
        int quote = new String(body, StandardCharsets.ISO_8859_1).indexOf("\"trace_id\": \"") + 13;
        body[quote] = (byte) 0xff;
        serve(200, body);
        String utf8 = assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20))
                .getMessage();
        assertTrue(utf8.startsWith("AgentOS answered GET /traces with text that is not valid UTF-8 (application/json)"), utf8);

        serve(200, "<html>proxy</html>".getBytes(StandardCharsets.UTF_8));
        String html = assertThrows(AgentOsException.BadResponse.class, () -> client().listTraces(TraceFilter.NONE, 1, 20))
                .getMessage();
        assertTrue(html.startsWith("AgentOS answered GET /traces with a body that is not JSON"), html);
    }

    @Test
    void traceIdFilterSchemaIsNotFoundWithoutARequest() {
        AgentOsException.NotFound e = assertThrows(AgentOsException.NotFound.class,
                () -> client().getTrace("filter-schema", null));
        assertTrue(e.getMessage().startsWith("Trace filter-schema was not found"), e.getMessage());
        assertThrows(AgentOsException.NotFound.class, () -> client().getSpan("filter-schema", "abc", null));
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownDatabaseIsAGrammaticalSentence() {
        serve(404, "{\"detail\":\"No database found with id 'nope'\"}".getBytes(StandardCharsets.UTF_8));
        String m = assertThrows(AgentOsException.NotFound.class,
                () -> client().getTrace("16a3d91143cd09bae7f87594b93c261c", "nope")).getMessage();
        assertEquals("AgentOS says: No database found with id 'nope'. Omit db_id to use the default database, or pick "
                + "one from GET /config (traces.dbs).", m);
    }
}
