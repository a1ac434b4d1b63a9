package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.render.AnswerSize;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every tool answer states its size at the end of its text and in _meta, and says what was cut and how to get it. */
class AnswerSizeTest {

    static final String TOOL_ERROR = AnswerToolsTest.TOOL_ERROR;
    static final String PLAIN = AnswerToolsTest.PLAIN;

    @BeforeAll
    static void start() throws Exception {
        AnswerToolsTest.start();
    }

    @AfterAll
    static void stop() {
        AnswerToolsTest.stop();
    }

    static CallToolResult call(String tool, Map<String, Object> args) {
        return AnswerToolsTest.call(tool, args);
    }

    static String text(CallToolResult r) {
        return AnswerToolsTest.text(r);
    }

    static final List<Map.Entry<String, Map<String, Object>>> CALLS = List.of(
            Map.entry("list_traces", Map.of()), Map.entry("get_trace", Map.of("trace_id", TOOL_ERROR)),
            Map.entry("trace_stats", Map.of()), Map.entry("total_tokens", Map.of()),
            Map.entry("token_cost", Map.of("trace_id", TOOL_ERROR)), Map.entry("find_errors", Map.of()),
            Map.entry("slow_spans", Map.of()), Map.entry("compare_traces", Map.of("trace_id_a", PLAIN, "trace_id_b", TOOL_ERROR)),
            Map.entry("latest_trace", Map.of()));

    @Test
    void everyAnswerStatesItsSizeWithinTenPercentOfItsLength() {
        for (Map.Entry<String, Map<String, Object>> c : CALLS) {
            CallToolResult r = call(c.getKey(), c.getValue());
            assertFalse(r.isError(), c.getKey() + ": " + text(r));
            String text = text(r);
            int stated = AnswerSize.statedIn(text);
            assertTrue(text.matches("(?s).*\\n\\(≈ [0-9,]+ tokens\\)"), c.getKey() + " ends with its size: " + text);
            double real = text.length() / 4.0;
            assertTrue(Math.abs(stated - real) <= Math.max(1, real * 0.10), c.getKey() + ": stated " + stated
                    + ", " + text.length() + " chars");
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("_meta");
            assertEquals(stated, meta.get("estimated_tokens"), c.getKey());
        }
    }

    @Test
    void whatWasCutIsNamedWithTheArgumentThatGetsTheRest() {
        CallToolResult r = call("get_trace", Map.of("trace_id", TOOL_ERROR, "max_spans", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) r.structuredContent()).get("_meta");
        assertEquals(List.of(Map.of("field", "spans_omitted", "value", 3, "argument", "max_spans")), meta.get("cut"));
        CallToolResult page = call("list_traces", Map.of("limit", 5));
        @SuppressWarnings("unchecked")
        Map<String, Object> pm = (Map<String, Object>) ((Map<String, Object>) page.structuredContent()).get("_meta");
        assertEquals(List.of(Map.of("field", "has_next", "value", true, "argument", "page")), pm.get("cut"));
        CallToolResult whole = call("compare_traces", Map.of("trace_id_a", PLAIN, "trace_id_b", TOOL_ERROR));
        @SuppressWarnings("unchecked")
        Map<String, Object> wm = (Map<String, Object>) ((Map<String, Object>) whole.structuredContent()).get("_meta");
        assertFalse(wm.containsKey("cut"), "nothing cut, nothing said: " + wm);
    }

    @Test
    void theStatementCountsItself() {
        for (int n : new int[] {0, 1, 7, 399, 4_000, 40_000}) {
            String s = AnswerSize.stated("x".repeat(n));
            assertEquals(AnswerSize.tokens(s), AnswerSize.statedIn(s), "length " + n);
        }
        assertTrue(AnswerSize.stated("x".repeat(5_000)).endsWith("\n(≈ 1,255 tokens)"));
    }

    @Test
    void getTraceSummaryIsTheVerdictTotalsAndFailedSpansOnly() {
        CallToolResult tree = call("get_trace", Map.of("trace_id", TOOL_ERROR));
        CallToolResult summary = call("get_trace", Map.of("trace_id", TOOL_ERROR, "detail", "summary"));
        String text = text(summary);
        assertTrue(text.contains("failed spans (1 of 4):\n  TOOL lookup_inventory ["), text);
        assertTrue(text.contains("Inventory service unavailable for item 'nuts'"), text);
        assertFalse(text.contains("spans (type name duration"), "no tree: " + text);
        assertTrue(text.length() < text(tree).length(), text.length() + " vs " + text(tree).length());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) summary.structuredContent();
        assertEquals(List.of(), m.get("spans"));
        assertEquals(4, m.get("spans_omitted"));
        assertEquals(1, ((List<?>) m.get("failures")).size());
        String full = text(call("get_trace", Map.of("trace_id", TOOL_ERROR, "detail", "full", "io_chars", 40)));
        assertTrue(full.contains("  input: \""), full);
    }
}
