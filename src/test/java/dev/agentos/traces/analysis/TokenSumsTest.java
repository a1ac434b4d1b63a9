package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running sums over many traces: exact totals and groups, and only the traces an answer lists kept. */
class TokenSumsTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static TraceSummary summary(int i) {
        return new TraceSummary(String.format("%032x", i), "run", "OK", "1ms", T0.plusSeconds(3_600L * i), null, 1, 0,
                null, null, "s" + (i % 7), "u" + (i % 3), i % 2 == 0 ? "a" : null, i % 2 == 0 ? null : "t", null, null);
    }

    static TokenUsage usage(int i) {
        List<TokenUsage.LlmCall> calls = new ArrayList<>();
        for (int k = 0; k < i % 4; k++) {
            calls.add(new TokenUsage.LlmCall("s" + k, "llm", k % 2 == 0 ? "m1" : "m2", (i * 7L + k) % 1000, (i * 3L) % 100,
                    Duration.ZERO, true));
        }
        long in = calls.stream().mapToLong(TokenUsage.LlmCall::inputTokens).sum();
        long out = calls.stream().mapToLong(TokenUsage.LlmCall::outputTokens).sum();
        Long rootIn = i % 97 == 0 ? Long.valueOf(in + 1) : in > 0 ? in : null; // every 97th trace mismatched
        return TokenUsage.of(summary(i).traceId(), calls, rootIn, out > 0 ? out : null);
    }

    @Test
    void tenThousandTracesLeaveFiftyRowsAndExactSums() {
        TokenSums sums = new TokenSums(GroupBy.USER);
        List<TokenUsage> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            TokenUsage u = usage(i);
            all.add(u);
            sums.add(summary(i), u);
        }
        TokenTotals expected = TokenTotals.of(all);
        TokenTotals t = sums.totals();
        assertEquals(expected.inputTokens(), t.inputTokens());
        assertEquals(expected.outputTokens(), t.outputTokens());
        assertEquals(expected.llmCalls(), t.llmCalls());
        assertEquals(expected.tracesWithTokens(), t.tracesWithTokens());
        assertEquals(expected.byModel(), t.byModel());
        assertEquals(expected.mismatchedTraceIds().size(), t.mismatchedTraces());
        assertEquals(expected.mismatchedTraceIds().subList(0, TokenSums.KEEP), t.mismatchedTraceIds());

        all.sort(TokenSums.MOST_FIRST);
        List<String> topIds = sums.top().stream().map(TokenUsage::traceId).toList();
        assertEquals(all.subList(0, TokenSums.KEEP).stream().map(TokenUsage::traceId).toList(), topIds);
        assertTrue(sums.top().stream().allMatch(u -> u.calls().isEmpty()), "kept rows carry no LLM calls");

        List<TokenBreakdown.Group> groups = sums.groups();
        assertEquals(3, groups.size());
        assertEquals(t.inputTokens(), groups.stream().mapToLong(TokenBreakdown.Group::inputTokens).sum());
        assertEquals(10_000, groups.stream().mapToInt(TokenBreakdown.Group::traces).sum());
        assertTrue(groups.stream().map(TokenBreakdown.Group::totalTokens).sorted(Comparator.reverseOrder()).toList()
                .equals(groups.stream().map(TokenBreakdown.Group::totalTokens).toList()), "most tokens first");
    }

    @Test
    void byModelATraceCountsOncePerModelItUsed() {
        TokenSums sums = new TokenSums(GroupBy.MODEL);
        for (int i = 0; i < 100; i++) {
            sums.add(summary(i), usage(i));
        }
        // i % 4 calls: 1 call uses m1 only, 2 or 3 calls use m1 and m2
        TokenBreakdown.Group m1 = sums.groups().stream().filter(g -> g.key().equals("m1")).findFirst().orElseThrow();
        TokenBreakdown.Group m2 = sums.groups().stream().filter(g -> g.key().equals("m2")).findFirst().orElseThrow();
        assertEquals(75, m1.traces());
        assertEquals(50, m2.traces());
        assertEquals(sums.totals().byModel().get("m1").calls(), m1.llmCalls());
    }
}
