package dev.agentos.traces.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** An estimate of what tokens cost: tokens × list price. Models the table does not know are listed, not priced. */
public final class CostEstimate {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private CostEstimate() {
    }

    public record ModelCost(String model, long inputTokens, long outputTokens, BigDecimal inputCost,
            BigDecimal outputCost) {
        public BigDecimal cost() {
            return inputCost.add(outputCost);
        }
    }

    /**
     * @param priced models with a price, most expensive first
     * @param unpriced models the table does not know, with their tokens (cost 0 in the total)
     */
    public record Result(BigDecimal total, List<ModelCost> priced, List<TokenUsage.ModelTokens> unpriced,
            long pricedTokens, long unpricedTokens) {
    }

    public static Result of(Map<String, TokenUsage.ModelTokens> byModel, Pricing pricing) {
        List<ModelCost> priced = new ArrayList<>();
        List<TokenUsage.ModelTokens> unpriced = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long pt = 0;
        long ut = 0;
        for (TokenUsage.ModelTokens m : byModel.values()) {
            Pricing.Price p = pricing.lookup(m.model());
            if (p == null) {
                unpriced.add(m);
                ut = TokenUsage.add(ut, m.totalTokens());
                continue;
            }
            BigDecimal in = money(p.inputPerMillion().multiply(BigDecimal.valueOf(m.inputTokens())));
            BigDecimal out = money(p.outputPerMillion().multiply(BigDecimal.valueOf(m.outputTokens())));
            priced.add(new ModelCost(m.model(), m.inputTokens(), m.outputTokens(), in, out));
            total = total.add(in).add(out);
            pt = TokenUsage.add(pt, m.totalTokens());
        }
        priced.sort(Comparator.comparing(ModelCost::cost).reversed().thenComparing(ModelCost::model));
        unpriced.sort(Comparator.comparingLong(TokenUsage.ModelTokens::totalTokens).reversed()
                .thenComparing(TokenUsage.ModelTokens::model));
        return new Result(total, List.copyOf(priced), List.copyOf(unpriced), pt, ut);
    }

    private static BigDecimal money(BigDecimal perMillionTimesTokens) {
        return perMillionTimesTokens.divide(MILLION, 8, RoundingMode.HALF_UP);
    }
}
