package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.testsupport.HostileTraces;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 15: no tool's text carries a control character or bidi override planted in trace data. */
class HostileTraceTextTest {

    WireMockServer server;

    @BeforeEach
    void start() {
        server = Stubs.started();
        HostileTraces.serve(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void everyToolsTextIsFreeOfControlCharacters() {
        for (AgentOsTool t : ToolErrorsTest.tools(server.baseUrl(), Map.of())) {
            for (Map<String, Object> args : new Map[] {ToolErrorsTest.CALLS.get(t.name()), Map.of()}) {
                if (t.name().equals("compare_traces") && args.isEmpty()) {
                    continue;
                }
                CallToolResult r = t.call(args);
                String text = ToolErrorsTest.text(r);
                assertFalse(r.isError() && !args.isEmpty(), () -> t.name() + " " + args + ": " + text);
                assertEquals(-1, HostileTraces.firstUnsafe(text), () -> t.name() + " " + args + ":\n" + text);
            }
        }
    }

    @Test
    void resourcesShownAsTextAreFreeOfThemToo() {
        dev.agentos.traces.client.AgentOsClient client = Stubs.client(server);
        TraceResources resources = new TraceResources(() -> client, ServerAssembly.tools(() -> client, java.time.Clock.systemUTC()).stream().map(AgentOsTool::name).collect(java.util.stream.Collectors.toSet()));
        for (String uri : new String[] {"agentos://traces", "agentos://traces/" + HostileTraces.TRACE,
            "agentos://traces/" + HostileTraces.TRACE + "/spans/b814b892dcc86f5b"}) {
            for (var c : resources.read(uri).contents()) {
                var text = (io.modelcontextprotocol.spec.McpSchema.TextResourceContents) c;
                if ("text/plain".equals(text.mimeType())) {
                    assertEquals(-1, HostileTraces.firstUnsafe(text.text()), () -> uri + ":\n" + text.text());
                }
            }
        }
    }
}
