package dev.agentos.traces.render;

import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TokenQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code token_cost}: always labelled an estimate, with the price list's source and date; unknown models listed. */
public final class CostView {

    static final int MAX_ROWS = 50;

    private CostView() {
    }

    static String money(BigDecimal v, String currency) {
        BigDecimal r = v.compareTo(BigDecimal.ONE) >= 0 ? v.setScale(2, RoundingMode.HALF_UP)
                : v.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return (currency == null || currency.equals("USD") ? "$" : currency + " ") + r.toPlainString();
    }

    /** @param scope e.g. "trace 16a3…" or "22 traces (all that match …)" */
    public static String text(String scope, CostEstimate.Result c, Pricing p, String footer) {
        StringBuilder b = new StringBuilder();
        b.append("Estimated cost of ").append(scope).append(": ").append(money(c.total(), p.currency()));
        if (!c.unpriced().isEmpty()) {
            b.append(" for the priced models; ").append(c.unpriced().size())
                    .append(c.unpriced().size() == 1 ? " model has" : " models have").append(" no price (")
                    .append(c.unpricedTokens()).append(" tokens not counted)");
        }
        b.append('\n');
        int shown = 0;
        for (CostEstimate.ModelCost m : c.priced()) {
            if (shown++ == MAX_ROWS || Text.full(b)) {
                b.append("  …[").append(c.priced().size() - shown + 1).append(" more models; the total includes them]\n");
                break;
            }
            b.append("  ").append(Text.line(m.model(), 80)).append(": ").append(money(m.cost(), p.currency())).append(" (")
                    .append(m.inputTokens()).append(" in × ").append(price(p.lookup(m.model()).inputPerMillion()))
                    .append(" + ").append(m.outputTokens()).append(" out × ")
                    .append(price(p.lookup(m.model()).outputPerMillion())).append(" per 1M)\n");
        }
        if (!c.unpriced().isEmpty()) {
            b.append("no price known (not guessed) for: ");
            List<String> names = new ArrayList<>();
            for (TokenUsage.ModelTokens m : c.unpriced().subList(0, Math.min(MAX_ROWS, c.unpriced().size()))) {
                names.add(Text.line(m.model(), 80) + " (" + m.totalTokens() + " tokens)");
            }
            b.append(String.join(", ", names)).append(c.unpriced().size() > MAX_ROWS ? ", …" : "").append('\n');
            b.append("Add them to a pricing file (--pricing-file FILE; format: the agentos://pricing resource or "
                    + "src/main/resources/pricing.json).\n");
        }
        b.append("An estimate: tokens × list prices (").append(p.source()).append("; as of ").append(p.asOf())
                .append("). Cached, batch and reasoning-token rates are not applied: AgentOS does not report them.\n");
        if (footer != null) {
            b.append(footer);
        }
        return b.toString().strip();
    }

    static String price(BigDecimal perMillion) {
        return perMillion.stripTrailingZeros().toPlainString();
    }

    /** One trace's cost: the token_cost tool's answer, and cost --json. */
    public static Map<String, Object> structured(TraceDetail d, TokenUsage u, CostEstimate.Result c, Pricing p) {
        Map<String, Object> m = structured(c, p);
        m.put("scope", "trace");
        m.put("trace_id", d.traceId());
        m.put("input_tokens", u.inputTokens());
        m.put("output_tokens", u.outputTokens());
        return m;
    }

    public static String text(TraceDetail d, TokenUsage u, CostEstimate.Result c, Pricing p) {
        return text("trace " + d.traceId() + " (" + u.totalTokens() + " tokens)", c, p, null);
    }

    /** The cost of every trace a scan read. */
    public static Map<String, Object> structured(TokenQuery.Result r, TraceFilter f, CostEstimate.Result c, Pricing p) {
        Map<String, Object> m = structured(c, p);
        m.put("scope", "filter");
        m.put("input_tokens", r.totals().inputTokens());
        m.put("output_tokens", r.totals().outputTokens());
        m.put("scan", ScanView.structured(r.scan(), f));
        return m;
    }

    public static String text(TokenQuery.Result r, TraceFilter f, CostEstimate.Result c, Pricing p, Hints hints) {
        return text(r.totals().tracesRead() + " traces (" + r.totals().totalTokens() + " tokens)", c, p,
                ScanView.footer(r.scan(), TokensView.filterLabel(f), hints));
    }

    public static Map<String, Object> structured(CostEstimate.Result c, Pricing p) {
        List<Object> priced = new ArrayList<>();
        for (CostEstimate.ModelCost m : c.priced().subList(0, Math.min(MAX_ROWS, c.priced().size()))) {
            Pricing.Price pr = p.lookup(m.model());
            priced.add(Fields.of().put("model", m.model()).put("input_tokens", m.inputTokens())
                    .put("output_tokens", m.outputTokens()).put("input_price_per_million", pr.inputPerMillion())
                    .put("output_price_per_million", pr.outputPerMillion())
                    .put("cost", m.cost().setScale(8, RoundingMode.HALF_UP)).map());
        }
        List<Object> unpriced = new ArrayList<>();
        for (TokenUsage.ModelTokens m : c.unpriced().subList(0, Math.min(MAX_ROWS, c.unpriced().size()))) {
            unpriced.add(Fields.of().put("model", m.model()).put("input_tokens", m.inputTokens())
                    .put("output_tokens", m.outputTokens()).map());
        }
        return Fields.of().put("estimate", true).put("currency", p.currency())
                .put("total_cost", c.total().setScale(8, RoundingMode.HALF_UP))
                .put("priced_tokens", c.pricedTokens()).put("unpriced_tokens", c.unpricedTokens())
                .put("by_model", priced).put("unpriced_models", unpriced)
                .put("pricing_source", p.source()).put("pricing_as_of", p.asOf()).map();
    }
}
