package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Over Streamable HTTP, notifications/cancelled for a running scan stops it before its next AgentOS request:
 * an AgentOS without search, answering each trace slowly, is read one trace at a time.
 */
class HttpCancellationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCancelledScanStopsFetchingTraces() throws Exception {
        WireMockServer agentOs = Stubs.started();
        HttpServer server = null;
        try {
            agentOs.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(404)
                    .withBody("{\"detail\":\"Not Found\"}")));
            agentOs.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("100"))
                    .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_limit100.json"))));
            agentOs.stubFor(get(urlPathMatching("/traces/[0-9a-f]{32}")).willReturn(aResponse().withStatus(200)
                    .withFixedDelay(250).withBody(Fixtures.body("trace_detail_tool_error.json"))));
            HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
            server = HttpServer.start(new HttpServer.Options("127.0.0.1", 0, false, List.of(), List.of(), null, false,
                    d.maxRequestBytes(), d.keepAlive(), d.idleTimeout(), Duration.ofSeconds(2)),
                    ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()).withConcurrency(1), "test");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + "/mcp";
            HttpResponse<String> init = http.send(req(base, null, HttpServerTest.INIT), HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            http.send(req(base, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> call = http.sendAsync(req(base, session,
                    "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":\"find_errors\",\"arguments\":{}}}"),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1200);
            http.send(req(base, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                    + "{\"requestId\":42,\"reason\":\"test\"}}"), HttpResponse.BodyHandlers.ofString());
            String body = call.get(20, TimeUnit.SECONDS).body();
            String json = body.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip())
                    .findFirst().orElse(body);
            JsonNode result = JSON.readTree(json).path("result");
            assertTrue(result.path("isError").asBoolean(), json);
            assertEquals("The request was cancelled; no result.", result.path("content").get(0).path("text").asText());
            int fetched = agentOs.findAll(getRequestedFor(urlPathMatching("/traces/[0-9a-f]{32}"))).size();
            assertTrue(fetched < 21, "the scan stopped early: " + fetched + " of 21 traces fetched");
        } finally {
            if (server != null) {
                server.close();
            }
            agentOs.stop();
        }
    }

    static HttpRequest req(String url, String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }
}
