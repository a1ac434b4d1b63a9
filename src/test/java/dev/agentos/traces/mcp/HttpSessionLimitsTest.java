package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Stubs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14.2: Streamable HTTP sessions never expired and were never counted; 5,000 abandoned ones kept 13 MB of
 * heap for good. Now idle sessions expire, and a new one past the cap is refused with a sentence that says why.
 */
class HttpSessionLimitsTest {

    /** Issue 14.1: POSTs hold a thread each while the SDK blocks on them; past the cap they wait without one. */
    @Test
    void postsPastTheConcurrencyCapWaitTheirTurnAndHealthStillAnswers() throws Exception {
        WireMockServer agentOs = Stubs.started();
        AgentOsStub.open(agentOs);
        agentOs.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/traces"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withFixedDelay(1000)
                        .withBody(dev.agentos.traces.testsupport.Fixtures.body("traces_limit100.json"))));
        HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
        HttpServer server = HttpServer.start(d.withLimits(d.maxInitializeBytes(), 2),
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()), "test");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        try {
            HttpResponse<String> init = http.send(HttpCancellationTest.req(base + "/mcp", null, HttpServerTest.INIT),
                    HttpResponse.BodyHandlers.ofString());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            http.send(HttpCancellationTest.req(base + "/mcp", session, HttpHardeningTest.INITIALIZED),
                    HttpResponse.BodyHandlers.ofString());
            long t0 = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(http.sendAsync(HttpCancellationTest.req(base + "/mcp", session, "{\"jsonrpc\":\"2.0\",\"id\":"
                        + (10 + i) + ",\"method\":\"tools/call\",\"params\":{\"name\":\"list_traces\",\"arguments\":{}}}"),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(300);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "GETs are not queued behind POSTs");
            for (var c : calls) {
                HttpResponse<String> r = c.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"isError\":false"), r.body());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 2900, "six 1 s calls, two at a time, take three turns: " + ms + " ms");
        } finally {
            server.close();
            agentOs.stop();
        }
    }

    @Test
    void idleSessionsExpireAndNewOnesPastTheCapAreRefused() throws Exception {
        WireMockServer agentOs = Stubs.started();
        AgentOsStub.open(agentOs);
        HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
        HttpServer server = HttpServer.start(d.withSessions(Duration.ofSeconds(1), 3),
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()), "test");
        HttpClient http = HttpClient.newHttpClient();
        String url = "http://127.0.0.1:" + server.port() + "/mcp";
        try {
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = http.send(HttpCancellationTest.req(url, null, HttpServerTest.INIT),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                sessions.add(r.headers().firstValue("Mcp-Session-Id").orElseThrow());
            }
            HttpResponse<String> refused = http.send(HttpCancellationTest.req(url, null, HttpServerTest.INIT),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("Too many MCP sessions (3)"), refused.body());
            assertTrue(refused.body().contains("--session-idle-timeout"), refused.body());
            // the first stays busy; the other two go idle and expire (one to two idle timeouts)
            for (int i = 0; i < 12; i++) {
                Thread.sleep(250);
                assertEquals(200, http.send(HttpCancellationTest.req(url, sessions.get(0), "{\"jsonrpc\":\"2.0\",\"id\":"
                        + i + ",\"method\":\"ping\"}"), HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            int expired = http.send(HttpCancellationTest.req(url, sessions.get(1), "{\"jsonrpc\":\"2.0\",\"id\":1,"
                    + "\"method\":\"ping\"}"), HttpResponse.BodyHandlers.ofString()).statusCode();
            assertEquals(404, expired, "an idle session is gone");
            HttpResponse<String> again = http.send(HttpCancellationTest.req(url, null, HttpServerTest.INIT),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, again.statusCode(), "room again once idle sessions expired: " + again.body());
            assertEquals(200, http.send(HttpCancellationTest.req(url, sessions.get(0), "{\"jsonrpc\":\"2.0\",\"id\":99,"
                    + "\"method\":\"ping\"}"), HttpResponse.BodyHandlers.ofString()).statusCode(), "a busy one stays");
        } finally {
            server.close();
            agentOs.stop();
        }
    }
}
