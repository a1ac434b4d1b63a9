package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.render.CostView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.ScanView;
import dev.agentos.traces.render.TokensView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** {@code token_cost}: exact tokens × list prices, labelled an estimate. */
final class TokenCostTool extends AgentOsTool {

    TokenCostTool(Supplier<AgentOsClient> client, Clock clock) {
        super(client, clock);
    }

    @Override
    String name() {
        return "token_cost";
    }

    @Override
    String title() {
        return "Estimate token cost";
    }

    @Override
    String description() {
        return "Estimated cost of the tokens used: exact token counts (as total_tokens) times list prices per model from "
                + "a pricing table (shipped defaults with their source and date; the server's --pricing-file overrides; "
                + "see resource agentos://pricing). Models without a price are listed, never guessed. For one trace "
                + "(trace_id or run_id) or a filter. " + ScanArgs.DESCRIPTION;
    }

    @Override
    String inputSchema() {
        return """
                {"type": "object", "additionalProperties": false, "properties": {
                  "trace_id": %s, "run_id": %s, %s}}"""
                .formatted(Schemas.id("One trace: its id (32 hex chars)."),
                        Schemas.id("One trace: the run id of the run it records."), ScanArgs.PROPERTIES);
    }

    @Override
    String outputSchema() {
        return """
                {"type": "object", "required": ["estimate", "total_cost", "by_model", "unpriced_models", "pricing_source"],
                 "properties": {
                   "estimate": {"type": "boolean", "const": true}, "currency": {"type": "string"},
                   "scope": {"type": "string", "enum": ["trace", "filter"]}, "trace_id": {"type": "string"},
                   "total_cost": {"type": "number"}, "priced_tokens": {"type": "integer"},
                   "unpriced_tokens": {"type": "integer"}, "input_tokens": {"type": "integer"},
                   "output_tokens": {"type": "integer"},
                   "by_model": {"type": "array", "items": {"type": "object", "required": ["model", "cost"],
                     "properties": {"model": {"type": "string"}, "input_tokens": {"type": "integer"},
                       "output_tokens": {"type": "integer"}, "input_price_per_million": {"type": "number"},
                       "output_price_per_million": {"type": "number"}, "cost": {"type": "number"}}}},
                   "unpriced_models": {"type": "array", "items": {"type": "object"}},
                   "pricing_source": {"type": "string"}, "pricing_as_of": {"type": "string"},
                   "scan": %s}}""".formatted(ScanView.SCHEMA);
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String traceId = a.string("trace_id");
        String runId = a.string("run_id");
        TraceFilter f = ScanArgs.filter(a);
        Pricing pricing = Pricing.current();
        if (traceId != null || runId != null) {
            if (!f.withDbId(null).equals(TraceFilter.NONE) || a.raw("max_traces") != null) {
                throw new ArgumentException("Give either trace_id/run_id (one trace) or filters (many traces), not both.");
            }
            TraceDetail d = FindTrace.byIdOrRun(client, traceId, runId, f.dbId());
            TokenUsage u = TokenUsage.of(d);
            CostEstimate.Result c = CostEstimate.of(u.byModel(), pricing);
            Map<String, Object> m = CostView.structured(c, pricing);
            m.put("scope", "trace");
            m.put("trace_id", d.traceId());
            m.put("input_tokens", u.inputTokens());
            m.put("output_tokens", u.outputTokens());
            return ok(CostView.text("trace " + d.traceId() + " (" + u.totalTokens() + " tokens)", c, pricing, null), m);
        }
        TokenQuery.Result r = TokenQuery.overFilter(client, f, ScanArgs.maxTraces(a), a.now(), a.control());
        CostEstimate.Result c = CostEstimate.of(r.totals().byModel(), pricing);
        Map<String, Object> m = CostView.structured(c, pricing);
        m.put("scope", "filter");
        m.put("input_tokens", r.totals().inputTokens());
        m.put("output_tokens", r.totals().outputTokens());
        m.put("scan", ScanView.structured(r.scan(), f));
        String scope = r.totals().tracesRead() + " traces (" + r.totals().totalTokens() + " tokens)";
        return ok(CostView.text(scope, c, pricing, ScanView.footer(r.scan(), TokensView.filterLabel(f), Hints.MCP)), m);
    }
}
