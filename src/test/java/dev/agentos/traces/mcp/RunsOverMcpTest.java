package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.testsupport.RunStubs;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over a real MCP transport: run_agent listed only with --allow-runs (a call without it names the flag), and its
 * events arrive as progress.
 */
class RunsOverMcpTest {

    WireMockServer agentOs;
    HttpServer server;
    final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        agentOs = Stubs.started();
        RunStubs.discoveryAndTraces(agentOs);
        agentOs.stubFor(RunStubs.run("agents", "math-agent", Map.of("message", "please add 7 and 8",
                "session_id", "cap-session-1", "user_id", "cap-user")).willReturn(RunStubs.sse("run_agent_stream.sse")));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        agentOs.stop();
    }

    /** As {@code serve --transport http --toolsets runs [--allow-runs]}. */
    McpSyncClient client(boolean allowRuns) throws Exception {
        server = HttpServer.start(HttpServer.Options.defaults("127.0.0.1", 0),
                ConnectionOptions.resolve(agentOs.baseUrl(), null, null, null, null, Map.of()),
                ToolSelection.parse("runs", null, false, allowRuns, Map.of()), "test");
        McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                .endpoint("/mcp").build()).requestTimeout(Duration.ofSeconds(20)).progressConsumer(progress::add).build();
        c.initialize();
        return c;
    }

    @Test
    void withoutAllowRunsTheToolIsNotListed() throws Exception {
        McpSyncClient c = client(false);
        try {
            List<String> names = c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertEquals(List.of("list_agents", "check_traces"), names);
            McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder().name("run_agent")
                    .arguments(Map.of("agent_id", "math-agent", "message", "hi")).build());
            assertTrue(r.isError());
            assertEquals("run_agent is off: start the server with --allow-runs (it runs agents, which costs money).",
                    ((McpSchema.TextContent) r.content().get(0)).text());
            assertTrue(agentOs.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/agents/math-agent/runs"))).isEmpty());
        } finally {
            c.closeGracefully();
        }
    }

    @Test
    void withAllowRunsItRunsAndStreamsEventsAsProgress() throws Exception {
        McpSyncClient c = client(true);
        try {
            McpSchema.Tool run = c.listTools().tools().stream().filter(t -> t.name().equals("run_agent")).findFirst()
                    .orElseThrow();
            assertEquals(Boolean.FALSE, run.annotations().readOnlyHint());
            assertEquals(Boolean.TRUE, run.annotations().openWorldHint());
            McpSchema.CallToolResult r = c.callTool(McpSchema.CallToolRequest.builder().name("run_agent")
                    .arguments(Map.of("agent_id", "math-agent", "message", "please add 7 and 8",
                            "session_id", "cap-session-1", "user_id", "cap-user"))
                    .progressToken("run-7").build());
            assertFalse(Boolean.TRUE.equals(r.isError()), r.toString());
            String text = ((McpSchema.TextContent) r.content().get(0)).text();
            assertTrue(text.startsWith("Ran agent math-agent: COMPLETED"), text);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (progress.size() < 9 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // the client may hand notifications over on several threads: their progress values give the order
            List<String> messages = progress.stream()
                    .sorted(java.util.Comparator.comparingDouble(McpSchema.ProgressNotification::progress))
                    .map(McpSchema.ProgressNotification::message).toList();
            assertEquals(9, messages.size(), messages.toString());
            assertEquals("ToolCallStarted add_numbers{\"a\":7,\"b\":8}", messages.get(3));
            assertEquals("run-7", progress.get(0).progressToken());
        } finally {
            c.closeGracefully();
        }
    }
}
