package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or careless HTTP client could do to the server before issue 14: park its threads for good,
 * leave scans running after it left, reach /healthz through DNS rebinding. Each test failed on the code
 * before the fix.
 */
class HttpHardeningTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = HttpServerTest.TOKEN;
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    static final String FIND_ERRORS = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"find_errors\",\"arguments\":{}}}";

    WireMockServer agentOs;
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(stderr, true));
        agentOs = Stubs.started();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        agentOs.stop();
        System.setErr(savedErr);
    }

    HttpServer start(String token, Duration keepAlive, int concurrency) throws Exception {
        HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
        server = HttpServer.start(new HttpServer.Options("127.0.0.1", 0, false, List.of(), List.of(), token, false,
                d.maxRequestBytes(), keepAlive, d.idleTimeout(), Duration.ofSeconds(5)),
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()).withConcurrency(concurrency),
                "test");
        return server;
    }

    /** AgentOS without search, each trace answered slowly: a find_errors scan reads 21 traces one by one. */
    void slowTraces() throws Exception {
        agentOs.stubFor(post(urlPathEqualTo("/traces/search")).willReturn(aResponse().withStatus(404)
                .withBody("{\"detail\":\"Not Found\"}")));
        agentOs.stubFor(get(urlPathEqualTo("/traces")).withQueryParam("limit", equalTo("100"))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.body("traces_limit100.json"))));
        agentOs.stubFor(get(urlPathMatching("/traces/[0-9a-f]{32}")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(250).withBody(Fixtures.body("trace_detail_tool_error.json"))));
    }

    int tracesFetched() {
        return agentOs.findAll(getRequestedFor(urlPathMatching("/traces/[0-9a-f]{32}"))).size();
    }

    void awaitFetched(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tracesFetched() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(tracesFetched() >= n, "the scan started");
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpRequest mcp(String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/mcp")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(20));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }

    String session() throws Exception {
        HttpResponse<String> init = http.send(mcp(null, HttpServerTest.INIT), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        http.send(mcp(session, INITIALIZED), HttpResponse.BodyHandlers.ofString());
        return session;
    }

    /** A raw connection, so the test can drop it like a client that crashed. */
    static Socket raw(int port, String request) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10_000);
        s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    static String rawPost(String path, String session, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\n" + (session == null ? "" : "Mcp-Session-Id: " + session + "\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Opens GET /sse and returns the socket, positioned after the endpoint event; the session id in {@code id[0]}. */
    Socket sse(String[] id) throws Exception {
        Socket s = raw(server.port(), "GET /sse HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("sessionId=([0-9a-f-]+)");
        for (String line; (line = r.readLine()) != null;) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                id[0] = m.group(1);
                return s;
            }
        }
        throw new AssertionError("no endpoint event on /sse");
    }

    HttpRequest message(String session, String body) {
        return HttpRequest.newBuilder(URI.create(base() + "/message?sessionId=" + session))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).build();
    }

    /** Issue 14.1: each such POST parked a Jetty thread in the SDK for good; ~230 of them took the server down. */
    @Test
    void sseMessagesBeforeInitializationAreAnsweredAndThePoolNeverFills() throws Exception {
        start(null, Duration.ofSeconds(1), 8);
        String[] id = new String[1];
        Socket stream = sse(id);
        List<CompletableFuture<String>> early = new ArrayList<>();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(250);
        for (int i = 0; i < 250; i++) { // each on its own connection, as many clients would
            String body = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/list\"}";
            early.add(CompletableFuture.supplyAsync(() -> {
                try (Socket s = raw(server.port(), rawPost("/message?sessionId=" + id[0], null, body)
                        .replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1\r\nConnection: close\r\n"))) {
                    return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (Exception e) {
                    return e.toString();
                }
            }, clients));
        }
        for (CompletableFuture<String> f : early) {
            String r = f.get(30, TimeUnit.SECONDS);
            assertTrue(r.startsWith("HTTP/1.1 400 "), r);
            assertTrue(r.contains("initialize"), r);
        }
        clients.shutdown();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        session(); // Streamable HTTP still serves
        stream.close(); // the stream ends; the server notices at its next keep-alive
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            Thread.sleep(200);
            status = http.send(message(id[0], "{\"jsonrpc\":\"2.0\",\"id\":1000,\"method\":\"tools/list\"}"),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } while (status != 404 && System.nanoTime() < deadline);
        assertEquals(404, status, "a message for a session whose stream closed is answered 404");
    }

    /** Issue 14.3: the scan went on for every trace after its client had gone. */
    @Test
    void aClientThatDisconnectsMidScanStopsTheScan() throws Exception {
        slowTraces();
        start(null, Duration.ofSeconds(15), 1);
        String session = session();
        Socket call = raw(server.port(), rawPost("/mcp", session, FIND_ERRORS));
        awaitFetched(2);
        call.close();
        Thread.sleep(1000);
        int atStop = tracesFetched();
        Thread.sleep(2000);
        int later = tracesFetched();
        assertTrue(later - atStop <= 1 && later < 21, "the scan stopped when its client left: " + atStop + " then "
                + later + " of 21 traces fetched");
    }

    /** Issue 14.3, legacy SSE: the answer goes over the /sse stream; when that stream is gone, the scan stops. */
    @Test
    void anSseClientThatDisconnectsMidScanStopsTheScan() throws Exception {
        slowTraces();
        start(null, Duration.ofSeconds(15), 1);
        String[] id = new String[1];
        Socket stream = sse(id);
        for (String m : List.of(HttpServerTest.INIT, INITIALIZED)) {
            assertEquals(200, http.send(message(id[0], m), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(HttpRequest.newBuilder(
                URI.create(base() + "/message?sessionId=" + id[0])).POST(HttpRequest.BodyPublishers.ofString(FIND_ERRORS))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitFetched(2);
        stream.close();
        call.get(20, TimeUnit.SECONDS); // the POST returns once the call has ended
        int atStop = tracesFetched();
        Thread.sleep(1000);
        assertEquals(atStop, tracesFetched(), "no request after the call ended");
        assertTrue(atStop < 21, "the scan stopped when its stream closed: " + atStop + " of 21 traces fetched");
    }

    /** Issue 14.3: on shutdown the scan went on and its client got a dropped connection ("fetch failed"). */
    @Test
    void shutdownAnswersARunningCallWithAnErrorAndStopsItsScan() throws Exception {
        slowTraces();
        start(null, Duration.ofSeconds(15), 1);
        String session = session();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(mcp(session, FIND_ERRORS),
                HttpResponse.BodyHandlers.ofString());
        awaitFetched(2);
        server.close();
        server = null;
        String body = call.get(20, TimeUnit.SECONDS).body();
        String json = body.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip())
                .findFirst().orElse(body);
        JsonNode result = JSON.readTree(json).path("result");
        assertTrue(result.path("isError").asBoolean(), body);
        assertEquals(Cancellations.SHUTTING_DOWN, result.path("content").get(0).path("text").asText());
        int atStop = tracesFetched();
        Thread.sleep(1000);
        assertEquals(atStop, tracesFetched(), "no AgentOS request after shutdown");
        assertTrue(atStop < 21, atStop + " of 21 traces fetched");
    }

    /** Issue 14.5: /healthz answered any Host (DNS rebinding), named AgentOS to anyone, and asked it at every hit. */
    @Test
    void healthChecksTheHostHidesTheUrlWithoutTheTokenAndProbesAgentOsOnceInAWhile() throws Exception {
        AgentOsStub.open(agentOs);
        start(TOKEN, Duration.ofSeconds(15), 8);
        try (Socket s = raw(server.port(), "GET /healthz HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")) {
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertFalse(status.contains(" 200 "), "a foreign Host is refused: " + status);
        }
        HttpResponse<String> open = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, open.statusCode());
        assertFalse(open.body().contains(agentOs.baseUrl()), open.body());
        assertFalse(JSON.readTree(open.body()).path("agentos").has("url"), open.body());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> authed = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(agentOs.baseUrl(), JSON.readTree(authed.body()).path("agentos").path("url").asText(), authed.body());
        }
        assertEquals(1, agentOs.findAll(getRequestedFor(urlPathEqualTo("/traces/filter-schema"))).size(),
                "six hits within a few seconds: one AgentOS request");
    }

    /** Issue 14.6: the auth scheme is case-insensitive (RFC 7235). */
    @Test
    void aLowercaseBearerSchemeIsAccepted() throws Exception {
        AgentOsStub.open(agentOs);
        start(TOKEN, Duration.ofSeconds(15), 8);
        for (String scheme : List.of("bearer", "BEARER", "Bearer")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                    .POST(HttpRequest.BodyPublishers.ofString(HttpServerTest.INIT)).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").header("Authorization", scheme + " " + TOKEN)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), scheme + ": " + r.body());
        }
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(base() + "/mcp"))
                .POST(HttpRequest.BodyPublishers.ofString(HttpServerTest.INIT)).header("Content-Type", "application/json")
                .header("Authorization", "bearer " + TOKEN + "x").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
    }

    /**
     * Issue 14.2: each session kept its initialize parameters for good, however large: 300 of 2 MB took the heap to
     * 637 MB.
     */
    @Test
    void aLargeInitializeIsRefused() throws Exception {
        AgentOsStub.open(agentOs);
        start(null, Duration.ofSeconds(15), 8);
        String big = HttpServerTest.INIT.replace("\"capabilities\":{}",
                "\"capabilities\":{\"experimental\":{\"x\":\"" + "y".repeat(2 * 1024 * 1024) + "\"}}");
        HttpResponse<String> r = http.send(mcp(null, big), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Mcp-Session-Id").isEmpty());
        session(); // a normal one still works
    }

    /**
     * Issue 14.19: a client that leaves after a call made the SDK log "Failed to send message … Client
     * disconnected" (ERROR) at the next keep-alive; shutdown logged ERRORs too. Now: one INFO line per session end.
     */
    @Test
    void sessionsEndQuietlyWithOneInfoLineEach() throws Exception {
        AgentOsStub.open(agentOs);
        start(null, Duration.ofMillis(500), 8);
        String[] id = new String[1];
        Socket stream = sse(id);
        for (String m : List.of(HttpServerTest.INIT, INITIALIZED, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_traces\",\"arguments\":{\"limit\":2}}}")) {
            assertEquals(200, http.send(message(id[0], m), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        String session = session();
        Socket listening = raw(server.port(), "GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                + "Mcp-Session-Id: " + session + "\r\n\r\n");
        Thread.sleep(500);
        stream.close();
        listening.close();
        Thread.sleep(2500); // several keep-alive pings into closed connections
        server.close();
        server = null;
        String logs = stderr.toString();
        assertFalse(logs.contains("ERROR"), logs);
        assertFalse(logs.contains("Failed to send"), logs);
        assertEquals(1, count(logs, "MCP session " + id[0] + " (SSE) ended"), logs);
        assertNotEquals(-1, logs.indexOf("INFO"), logs);
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
