package dev.agentos.traces.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tokens times list prices, exact to the cent's fraction; unknown models listed, never guessed. */
class CostEstimateTest {

    static final Pricing TABLE = new Pricing("test table", "2026-11-01", "USD", Map.of(
            "gpt-4o", new Pricing.Price(new BigDecimal("2.50"), new BigDecimal("10.00")),
            "claude-sonnet-4-5", new Pricing.Price(new BigDecimal("3"), new BigDecimal("15"))));

    static Map<String, TokenUsage.ModelTokens> models(TokenUsage.ModelTokens... ms) {
        Map<String, TokenUsage.ModelTokens> m = new LinkedHashMap<>();
        for (TokenUsage.ModelTokens t : ms) {
            m.put(t.model(), t);
        }
        return m;
    }

    @Test
    void costIsTokensTimesPricePerMillionExactly() {
        CostEstimate.Result r = CostEstimate.of(models(
                new TokenUsage.ModelTokens("gpt-4o-2024-08-06", 1_234_567, 89_012, 40),
                new TokenUsage.ModelTokens("claude-sonnet-4-5", 1_000, 1_000, 1),
                new TokenUsage.ModelTokens("offline-sim-1", 500, 50, 3)), TABLE);
        // 1,234,567 × 2.50 / 1e6 = 3.0864175; 89,012 × 10 / 1e6 = 0.89012
        CostEstimate.ModelCost gpt = r.priced().get(0);
        assertEquals("gpt-4o-2024-08-06", gpt.model(), "a dated snapshot takes its model's price; most expensive first");
        assertEquals(0, new BigDecimal("3.0864175").compareTo(gpt.inputCost()));
        assertEquals(0, new BigDecimal("0.89012").compareTo(gpt.outputCost()));
        // 1,000 × 3 / 1e6 + 1,000 × 15 / 1e6 = 0.018
        assertEquals(0, new BigDecimal("0.018").compareTo(r.priced().get(1).cost()));
        assertEquals(0, new BigDecimal("3.9945375").compareTo(r.total()));
        assertEquals(List.of("offline-sim-1"), r.unpriced().stream().map(TokenUsage.ModelTokens::model).toList());
        assertEquals(550, r.unpricedTokens());
        assertEquals(1_323_579 + 2_000, r.pricedTokens());
    }

    @Test
    void aModelThatOnlyStartsLikeAPricedOneIsNotPriced() {
        assertNull(TABLE.lookup("gpt-4o-mini"), "gpt-4o-mini is another model, not a snapshot of gpt-4o");
        CostEstimate.Result r = CostEstimate.of(models(new TokenUsage.ModelTokens("gpt-4o-mini", 10, 10, 1)), TABLE);
        assertEquals(0, BigDecimal.ZERO.compareTo(r.total()));
        assertEquals(1, r.unpriced().size());
    }
}
