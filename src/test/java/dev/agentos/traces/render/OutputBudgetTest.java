package dev.agentos.traces.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.client.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A huge trace stays within the text budget while the totals stay exact. */
class OutputBudgetTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** A root agent with 2,000 children: LLM spans with a 20 KB prompt and tokens, and failing tools. */
    static TraceDetail hugeTrace() {
        List<TraceNode> children = new ArrayList<>();
        String prompt = "x".repeat(20_000);
        for (int i = 0; i < 2000; i++) {
            Instant s = T0.plusMillis(i);
            if (i % 2 == 0) {
                children.add(new TraceNode(String.format("%016x", i), "OpenAIChat.ainvoke", "LLM", "OK", "1ms", s,
                        s.plusMillis(1), prompt, prompt, null, null,
                        Map.of("model", i % 4 == 0 ? "gpt-a" : "gpt-b", "input_tokens", 1000L + i, "output_tokens", 7L),
                        List.of()));
            } else {
                children.add(new TraceNode(String.format("%016x", i), "lookup", "TOOL", "ERROR", "1ms", s, s.plusMillis(1),
                        prompt, null, "E".repeat(5000), null, Map.of("tool_name", "lookup"), List.of()));
            }
        }
        TraceNode root = new TraceNode("ffffffffffffffff", "Big_Agent.arun", "AGENT", "OK", "2.00s", T0,
                T0.plusSeconds(2), null, null, null, null, Map.of(), children);
        TraceSummary s = new TraceSummary("0123456789abcdef0123456789abcdef", "Big_Agent.arun", "OK", "2.00s", T0,
                T0.plusSeconds(2), 2001, 1000, prompt, "run", "sess", "user", "big-agent", null, null, T0);
        return new TraceDetail(s, prompt, null, List.of(root));
    }

    @Test
    void treeTextStaysWithinBudgetAndSaysHowToSeeMore() {
        TraceDetail d = hugeTrace();
        for (TraceView.Options o : List.of(new TraceView.Options(TraceView.MAX_MAX_SPANS, 0),
                new TraceView.Options(TraceView.MAX_MAX_SPANS, 5000))) {
            String text = TraceView.text(d, o);
            assertTrue(text.length() <= TraceView.TEXT_BUDGET + 12_000, "text is " + text.length() + " chars");
            assertTrue(text.contains("more spans not shown (text budget); call get_trace with span_id=<id>"), text);
            Map<String, Object> structured = TraceView.structured(d, o);
            assertEquals(2001, structured.get("spans_total"));
            int shown = ((List<?>) structured.get("spans")).size();
            assertEquals(2001 - shown, structured.get("spans_omitted"));
            assertTrue(text.contains("[" + String.format("%016x", shown - 2) + "]"), "the last span shown is in the text");
            assertTrue(!text.contains("[" + String.format("%016x", shown - 1) + "]"), "the first span cut is not");
        }
    }

    @Test
    void tokensAreExactWhateverIsShown() {
        TokenUsage u = TokenUsage.of(hugeTrace());
        long expectedIn = 0;
        for (int i = 0; i < 2000; i += 2) {
            expectedIn += 1000 + i;
        }
        assertEquals(expectedIn, u.inputTokens());
        assertEquals(1000 * 7, u.outputTokens());
        assertEquals(500, u.byModel().get("gpt-a").calls());
        String text = TokensView.text(hugeTrace(), u);
        assertTrue(text.length() < 8_000, "tokens text is " + text.length() + " chars");
        assertTrue(text.contains("…[950 more LLM spans; totals above include them]"), text);
    }

    @Test
    void spanWindowIsBoundedAndPointsAtTheNextOffset() {
        TraceNode llm = hugeTrace().tree().get(0).spans().get(0);
        String text = SpanView.text("0123456789abcdef0123456789abcdef", llm, 4000, 4000);
        assertTrue(text.length() < 2 * 4000 + 1000, "span text is " + text.length());
        assertTrue(text.contains("offset=8000 to read on"), text);
    }
}
