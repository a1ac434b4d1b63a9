package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.AgentOsStub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

/** Hostile input over HTTP gets HTTP/JSON-RPC errors, the server keeps serving, and the token never reaches a log. */
class HttpHostileInputTest {

    static final String TOKEN = "hostile-test-token-that-must-not-be-logged";
    final HttpClient http = HttpClient.newHttpClient();
    WireMockServer agentOs;
    HttpServer server;
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream savedErr;

    @BeforeEach
    void start() throws Exception {
        savedErr = System.err;
        System.setErr(new PrintStream(stderr, true));
        agentOs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        agentOs.start();
        AgentOsStub.open(agentOs);
        HttpServer.Options d = HttpServer.Options.defaults("127.0.0.1", 0);
        server = HttpServer.start(new HttpServer.Options("127.0.0.1", 0, false, List.of(), List.of(), TOKEN, false,
                d.maxRequestBytes(), d.keepAlive(), d.idleTimeout(), Duration.ofSeconds(2)),
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of("AGENTOS_SECURITY_KEY", "agentos-key-never-logged")),
                "test");
    }

    @AfterEach
    void stop() {
        server.close();
        agentOs.stop();
        System.setErr(savedErr);
    }

    HttpResponse<String> post(String body, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("Authorization", "Bearer " + TOKEN);
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void garbageIsRefusedAndTheServerKeepsServing() throws Exception {
        for (String body : List.of("this is not json", "{\"jsonrpc\":\"2.0\",\"id\":1,", "[]", "{}", "null", "42")) {
            int status = post(body, null).statusCode();
            assertTrue(status >= 400 && status < 500, body + " -> " + status);
        }
        HttpResponse<String> nul = post("null", null);
        assertEquals(400, nul.statusCode());
        assertTrue(nul.body().contains("\"code\":-32600"), nul.body());
        assertTrue(post("not json", null).body().contains("\"code\":-32700"));
        HttpResponse<String> beforeInit = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", null);
        assertTrue(beforeInit.statusCode() >= 400 && beforeInit.statusCode() < 500, "a request before initialize needs a session");
        HttpResponse<String> init = post(HttpServerTest.INIT, null);
        assertEquals(200, init.statusCode(), init.body());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> unknown = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such\"}", session);
        assertTrue(unknown.body().contains("-32601"), unknown.body());
        HttpResponse<String> wrongTypes = post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"list_traces\",\"arguments\":{\"limit\":\"many\"}}}", session);
        assertTrue(wrongTypes.body().contains("\"isError\":true") || wrongTypes.body().contains("\"error\""), wrongTypes.body());
        HttpResponse<String> ok = post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"list_traces\",\"arguments\":{\"limit\":5}}}", session);
        assertTrue(ok.body().contains("\"total_count\":21"), ok.body());
        String logs = stderr.toString();
        assertFalse(logs.contains(TOKEN), "the MCP token reached a log");
        assertFalse(logs.contains("agentos-key-never-logged"), "the AgentOS key reached a log");
        assertFalse(ok.body().contains("agentos-key-never-logged"));
    }
}
