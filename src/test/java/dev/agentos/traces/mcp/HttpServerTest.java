package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.AgentOsStub;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP face: both transports, the stateless mode, auth, DNS-rebinding protection, health, shutdown. */
class HttpServerTest {

    static final String TOKEN = "a-long-enough-test-token-0123456789";
    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer agentOs;
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        agentOs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        agentOs.start();
        AgentOsStub.open(agentOs);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        agentOs.stop();
    }

    HttpServer start(boolean stateless, String token) throws Exception {
        HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
        server = HttpServer.start(new HttpServer.Options("127.0.0.1", 0, stateless, List.of(), List.of(), token, false,
                d.maxRequestBytes(), d.keepAlive(), d.idleTimeout(), Duration.ofSeconds(2)),
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()), "test");
        return server;
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int totalCount(McpSyncClient c) {
        McpSchema.CallToolResult r = c.callTool(new McpSchema.CallToolRequest("list_traces", Map.of()));
        assertFalse(Boolean.TRUE.equals(r.isError()));
        return JSON.valueToTree(r.structuredContent()).get("total_count").asInt();
    }

    void roundTrip(McpClientTransport transport) {
        McpSyncClient c = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
        try {
            assertEquals("agentos-traces-mcp", c.initialize().serverInfo().name());
            assertEquals(ToolRegistry.make(ToolSelection.DEFAULTS, () -> null, java.time.Clock.systemUTC()).size(), c.listTools().tools().size());
            assertEquals(21, totalCount(c));
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void streamableHttpAndSseServeTheSameTools() throws Exception {
        start(false, null);
        roundTrip(HttpClientStreamableHttpTransport.builder(base()).endpoint("/mcp").build());
        roundTrip(HttpClientSseClientTransport.builder(base()).sseEndpoint("/sse").build());
    }

    @Test
    void statelessModeAnswersWithoutSessions() throws Exception {
        start(true, null);
        HttpResponse<String> init = post("/mcp", INIT, Map.of());
        assertEquals(200, init.statusCode(), init.body());
        assertTrue(init.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session in stateless mode");
        HttpResponse<String> call = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"total_tokens\",\"arguments\":{\"trace_id\":\"16a3d91143cd09bae7f87594b93c261c\"}}}", Map.of());
        JsonNode result = JSON.readTree(call.body()).get("result");
        assertEquals(195, result.get("structuredContent").get("total_tokens").asInt(), call.body());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base() + "/sse")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "no SSE endpoint when stateless");
    }

    @Test
    void aTokenIsRequiredOnEveryMcpEndpointButNotOnHealth() throws Exception {
        start(false, TOKEN);
        assertEquals(401, post("/mcp", INIT, Map.of()).statusCode());
        assertEquals(401, post("/mcp", INIT, Map.of("Authorization", "Bearer wrong")).statusCode());
        assertEquals(401, post("/mcp", INIT, Map.of("Authorization", TOKEN)).statusCode(), "the scheme is part of it");
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(base() + "/sse")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(401, post("/message?sessionId=x", "{}", Map.of()).statusCode());
        HttpResponse<String> ok = post("/mcp", INIT, Map.of("Authorization", "Bearer " + TOKEN));
        assertEquals(200, ok.statusCode());
        assertFalse(ok.body().contains(TOKEN));
        roundTrip(HttpClientStreamableHttpTransport.builder(base()).endpoint("/mcp")
                .httpRequestCustomizer((b, method, uri, body, ctx) -> b.header("Authorization", "Bearer " + TOKEN)).build());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(JSON.readTree(health.body()).get("agentos").get("reachable").asBoolean(), health.body());
        assertEquals("ok", JSON.readTree(health.body()).get("agentos").get("traces_api").asText(), health.body());
        assertTrue(health.headers().firstValue("Server").isEmpty(), "no version banner");
    }

    @Test
    void aForeignOriginIsRefused() throws Exception {
        start(false, null);
        assertEquals(403, post("/mcp", INIT, Map.of("Origin", "http://evil.example")).statusCode());
        assertEquals(200, post("/mcp", INIT, Map.of("Origin", "http://localhost:3000")).statusCode());
    }

    @Test
    void healthSaysWhenAgentOsIsDown() throws Exception {
        start(false, null);
        agentOs.stop();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        JsonNode a = JSON.readTree(health.body()).get("agentos");
        assertFalse(a.get("reachable").asBoolean());
        assertTrue(a.get("error").asText().startsWith("Cannot reach AgentOS"), health.body());
        agentOs.start();
    }

    @Test
    void refusesAnOpenNonLoopbackBind() {
        HttpServer.Options d = HttpServer.Options.defaults("0.0.0.0", 0);
        ArgumentException e = assertThrows(ArgumentException.class, () -> HttpServer.start(d,
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()), "test"));
        assertTrue(e.getMessage().contains("--allow-unauthenticated"), e.getMessage());
    }

    @Test
    void anOversizedRequestIsRefused() throws Exception {
        start(false, null);
        try {
            HttpResponse<String> big = post("/mcp", "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}", Map.of());
            assertEquals(413, big.statusCode());
        } catch (java.io.IOException closedWhileSending) {
            // the server refused and closed the connection before the client finished sending: refused too
        }
        assertEquals(200, post("/mcp", INIT, Map.of()).statusCode(), "still serving after refusing it");
    }

    @Test
    void shutdownFreesThePort() throws Exception {
        start(false, null);
        int port = server.port();
        server.close();
        server = null;
        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }
}
