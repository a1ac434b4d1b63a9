package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.analysis.TokenTotals;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.testsupport.Fixtures;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 14 item 13: absurd token counts are refused with a note; sums never wrap; no cost is negative. */
class TokenOverflowTest {

    static final String TRACE = "16a3d91143cd09bae7f87594b93c261c";
    WireMockServer server;

    @BeforeEach
    void start() {
        server = Stubs.started();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** The real trace with its two LLM spans' token counts replaced. */
    void serve(String first, String second) {
        String body = Fixtures.body("trace_detail_tool_error.json");
        int a = body.indexOf("\"input_tokens\": ");
        int b = body.indexOf("\"input_tokens\": ", a + 1);
        body = body.substring(0, b) + "\"input_tokens\": " + second + ", \"was_input_tokens\": " + body.substring(b + 16);
        body = body.substring(0, a) + "\"input_tokens\": " + first + ", \"was_input_tokens\": " + body.substring(a + 16);
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/traces/" + TRACE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    CallToolResult call(String tool) {
        for (AgentOsTool t : ToolErrorsTest.tools(server.baseUrl(), Map.of())) {
            if (t.name().equals(tool)) {
                return t.call(Map.of("trace_id", TRACE));
            }
        }
        throw new AssertionError(tool);
    }

    @Test
    void countsPastATrillionAreRefusedNotWrapped() {
        for (String[] pair : new String[][] {
            {"9223372036854775807", "9223372036854775807"}, {"1000000000000000000000000000000", "1e30"},
            {"-5", "1.5"}, {"\"1e30\"", "18446744073709551616"}}) {
            serve(pair[0], pair[1]);
            CallToolResult r = call("total_tokens");
            String text = ToolErrorsTest.text(r);
            assertFalse(r.isError(), text);
            Map<?, ?> s = (Map<?, ?>) r.structuredContent();
            long in = ((Number) s.get("input_tokens")).longValue();
            assertTrue(in >= 0 && in < 1_000_000, pair[0] + ": " + text);
            assertFalse(text.contains("5076944270305263616") || text.matches("(?s).*[ (]-\\d.*"), text);
            assertEquals(2, ((Number) s.get("refused_token_counts")).intValue(), text);
            assertTrue(text.contains("Note: 2 LLM spans' token counts were refused as impossible (negative, fractional "
                    + "or over 1000000000000) and counted as 0."), text);

            CallToolResult cost = call("token_cost");
            assertFalse(cost.isError(), ToolErrorsTest.text(cost));
            assertFalse(ToolErrorsTest.text(cost).contains("$-") || ToolErrorsTest.text(cost).contains("-$"),
                    ToolErrorsTest.text(cost));
        }
    }

    @Test
    void sumsSaturateInsteadOfWrapping() {
        TokenUsage.ModelTokens big = new TokenUsage.ModelTokens("m", Long.MAX_VALUE, Long.MAX_VALUE, 1);
        TokenUsage u = new TokenUsage("t", Long.MAX_VALUE, Long.MAX_VALUE, Map.of("m", big), List.of(), null, null);
        assertEquals(Long.MAX_VALUE, u.totalTokens());
        TokenTotals t = TokenTotals.of(List.of(u, u));
        assertEquals(Long.MAX_VALUE, t.inputTokens());
        assertEquals(Long.MAX_VALUE, t.totalTokens());
        assertEquals(Long.MAX_VALUE, t.byModel().get("m").totalTokens());
        assertTrue(BigDecimal.ZERO.compareTo(BigDecimal.valueOf(t.totalTokens())) < 0);
    }
}
