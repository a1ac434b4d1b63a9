package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** notifications/cancelled reaches a running scan, which stops before its next request. */
class CancellationTest {

    @Test
    void theStdioGuardTagsToolCallsAndRecordsCancellations() throws Exception {
        String lines = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"find_errors\",\"arguments\":{}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"user\"}}\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/list\"}\n";
        StdinGuard guard = new StdinGuard();
        guard.output(new ByteArrayOutputStream());
        InputStream in = guard.input(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
        String passed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String[] out = passed.split("\n");
        assertEquals(3, out.length, passed);
        assertTrue(out[0].contains("\"_meta\":{\"" + Cancellations.META_KEY + "\":\"7\"}"), out[0]);
        assertTrue(out[0].contains("\"name\":\"find_errors\""), out[0]);
        assertEquals(lines.split("\n")[1], out[1], "notifications pass unchanged");
        assertEquals(lines.split("\n")[2], out[2], "other requests pass unchanged");
        assertTrue(Cancellations.isCancelled("7"));
        Cancellations.finished("7");
        assertFalse(Cancellations.isCancelled("7"));
    }

    @Test
    void aCancelledCallStopsBeforeItsFirstRequestAndSaysSo() {
        WireMockServer server = Stubs.open();
        try {
            AgentOsClient client = Stubs.client(server);
            AgentOsTool tool = ServerAssembly.tools(() -> client, Clock.systemUTC()).stream()
                    .filter(t -> t.name().equals("find_errors")).findFirst().orElseThrow();
            Cancellations.started("41");
            Cancellations.cancel("41");
            McpSchema.CallToolRequest req = McpSchema.CallToolRequest.builder().name("find_errors").arguments(Map.of())
                    .meta(Map.of(Cancellations.META_KEY, "41")).build();
            ScanControl control = RequestControl.of(null, req);
            McpSchema.CallToolResult r = tool.call(Map.of(), control);
            assertTrue(r.isError());
            assertEquals("The request was cancelled; no result.", ((McpSchema.TextContent) r.content().get(0)).text());
            assertEquals(0, server.getAllServeEvents().size());
            assertFalse(Cancellations.isCancelled("41"), "a finished call is forgotten");
            Cancellations.cancel("99"); // a stray cancellation for a call never seen is ignored
            assertFalse(Cancellations.isCancelled("99"));
        } finally {
            server.stop();
        }
    }
}
