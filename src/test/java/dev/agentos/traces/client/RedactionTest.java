package dev.agentos.traces.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.render.SpanView;
import dev.agentos.traces.render.TraceListView;
import dev.agentos.traces.render.TraceView;
import dev.agentos.traces.testsupport.AgentOsStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With --redact no prompt, completion, tool argument or result reaches any output; the numbers stay exact. */
class RedactionTest {

    static WireMockServer server;
    static AgentOsClient client;
    /** Words from the fixtures' user inputs, prompts, outputs and tool arguments. */
    static final List<String> SECRETS = List.of("fail on purpose", "lookup nuts", "Checks inventory", "I tried to use",
            "\\\"item\\\"", "{\"item\"", "add 1000 and 2000", "Adds numbers with a tool");

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        AgentOsStub.open(server);
        client = AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, null, null, null,
                Map.of("AGENTOS_TRACES_REDACT", "1")));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static void assertClean(String what, String text) {
        for (String s : SECRETS) {
            assertFalse(text.contains(s), what + " leaks '" + s + "': " + text);
        }
    }

    @Test
    void everyViewOfEveryTraceIsMasked() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TraceDetail d = client.getTrace("16a3d91143cd09bae7f87594b93c261c", null);
        TraceView.Options io = new TraceView.Options(200, 5000);
        assertClean("tree text", TraceView.text(d, io));
        assertClean("tree json", json.writeValueAsString(TraceView.structured(d, io)));
        assertTrue(TraceView.text(d, io).contains("[redacted: "), "a visible marker");
        assertTrue(TraceView.text(d, io).contains("Inventory service unavailable"), "errors stay for debugging");
        TokenUsage u = TokenUsage.of(d);
        assertEquals(195, u.totalTokens(), "token counts are not redacted");

        TraceNode tool = client.getSpan("16a3d91143cd09bae7f87594b93c261c", "9b8c76d6e3668c78", null);
        assertClean("span text", SpanView.text(d.traceId(), tool, 0, 4000));
        assertClean("span json", json.writeValueAsString(SpanView.structured(d.traceId(), tool, 0, 4000)));

        ListTraces.Result list = ListTraces.run(client, new ListTraces.Request(TraceFilter.NONE, 1, 20, TraceOrder.START_TIME, true));
        assertClean("list text", TraceListView.text(list));
        assertClean("list json", json.writeValueAsString(TraceListView.structured(list)));
        for (TraceDetail t : client.searchRuns(null, 1, 100, null).data()) {
            assertClean("search " + t.traceId(), TraceView.text(t, io));
        }
    }

    @Test
    void offByDefault() {
        AgentOsClient plain = AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of()));
        assertEquals("fail on purpose: lookup nuts", plain.getTrace("16a3d91143cd09bae7f87594b93c261c", null).summary().input());
    }
}
