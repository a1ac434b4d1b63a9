package dev.agentos.traces.query;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An AgentOS without POST /traces/search: totals come from GET /traces pages plus one GET /traces/{id}
 * per trace, several at a time, and equal the sums of the real bodies.
 */
class TokenQueryFallbackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    WireMockServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/traces/search"))
                .willReturn(aResponse().withStatus(404).withBody(Fixtures.body("traces_stats_sessions_guess_404.json"))));
        server.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("100"))
                .withQueryParam("page", equalTo("1"))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_limit100.json"))));
        // each trace's own body, as captured in the search response (same TraceDetail shape)
        for (JsonNode trace : JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data")) {
            server.stubFor(get(urlPathEqualTo("/traces/" + trace.get("trace_id").asText()))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(20).withBody(JSON.writeValueAsString(trace))));
        }
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void fallsBackToOneRequestPerTraceWithExactTotals() throws Exception {
        Set<String> listed = new HashSet<>();
        for (JsonNode t : JSON.readTree(Fixtures.body("traces_limit100.json")).get("data")) {
            listed.add(t.get("trace_id").asText());
        }
        long in = 0;
        long out = 0;
        for (JsonNode trace : JSON.readTree(Fixtures.body("search_all_runs_limit100.json")).get("data")) {
            if (listed.contains(trace.get("trace_id").asText())) {
                in += trace.get("tree").get(0).path("metadata").path("total_input_tokens").asLong();
                out += trace.get("tree").get(0).path("metadata").path("total_output_tokens").asLong();
            }
        }
        AgentOsClient client = AgentOsClient.create(
                ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of()).withConcurrency(4));
        TokenQuery.Result r = TokenQuery.overFilter(client, TraceFilter.NONE, 1000);
        assertFalse(r.usedSearch());
        assertEquals(21, r.totals().tracesRead());
        assertEquals(in, r.totals().inputTokens());
        assertEquals(out, r.totals().outputTokens());
        assertEquals(1 + 1 + 21, r.requests(), "search, one list page, one GET per trace");
        List<String> order = new ArrayList<>();
        TraceScan.scan(client, TraceFilter.NONE, 1000, java.time.Instant.now(), ScanControl.NONE,
                d -> order.add(d.traceId()));
        List<String> listOrder = new ArrayList<>();
        JSON.readTree(Fixtures.body("traces_limit100.json")).get("data").forEach(t -> listOrder.add(t.get("trace_id").asText()));
        assertEquals(listOrder, order, "results stay in the list's order (newest first)");
        server.verify(42, getRequestedFor(urlPathMatching("/traces/[0-9a-f]{32}")));
    }

    @Test
    void theMaxTracesBoundHoldsInTheFallbackToo() {
        AgentOsClient client = AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of()));
        TokenQuery.Result r = TokenQuery.overFilter(client, TraceFilter.NONE, 5);
        assertEquals(5, r.totals().tracesRead());
        assertEquals(21, r.matching());
        assertEquals(true, r.truncated());
        server.verify(5, getRequestedFor(urlPathMatching("/traces/[0-9a-f]{32}")));
    }

    @Test
    void findErrorsFallsBackTooAndReportsProgressUpToTheLastTrace() {
        AgentOsClient client = AgentOsClient.create(
                ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of()).withConcurrency(4));
        dev.agentos.traces.analysis.ErrorGroups errors = new dev.agentos.traces.analysis.ErrorGroups();
        List<long[]> progress = new ArrayList<>();
        TraceScan.Stats s = TraceScan.scan(client, TraceFilter.NONE, 1000, java.time.Instant.now(), new ScanControl() {
            @Override
            public void progress(long done, long total) {
                progress.add(new long[] {done, total});
            }
        }, errors::add);
        assertFalse(s.usedSearch());
        assertEquals(21, s.read());
        assertEquals(4, errors.result().failedSpans());
        assertEquals(1 + 1 + 21, s.requests(), "one 404 search, one list page, one GET per trace");
        long[] last = progress.get(progress.size() - 1);
        assertEquals(21, last[0]);
        assertEquals(21, last[1]);
    }
}
