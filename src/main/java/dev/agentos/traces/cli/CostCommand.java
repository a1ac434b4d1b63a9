package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.CostEstimate;
import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.render.CostView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.ScanView;
import dev.agentos.traces.render.TokensView;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Estimated cost of the tokens of one trace or of every matching trace (the token_cost tool).")
final class CostCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Mixin
    FilterMixin filters;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE_ID", description = "One trace (or use --run-id).")
    String traceId;

    @Option(names = "--max-traces", defaultValue = "" + TraceScan.DEFAULT_LIMIT, paramLabel = "N",
            description = "With filters: most traces to read, up to " + TraceScan.MAX_LIMIT + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    @Option(names = "--json", description = "Print JSON (the token_cost tool's structured output).")
    boolean json;

    CostCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-traces", maxTraces, 1, TraceScan.MAX_LIMIT);
        AgentOsClient client = ctx.client(o);
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        Pricing pricing = Pricing.current();
        if (traceId != null || f.runId() != null) {
            if (!new TraceFilter(f.runId(), null, null, null, null, null, null, null, null, f.dbId()).equals(f)) {
                throw new ArgumentException("Give a trace (TRACE_ID or --run-id) or filters, not both.");
            }
            TraceDetail d = FindTrace.byIdOrRun(client, traceId, traceId == null ? f.runId() : null, o.defaultDbId());
            TokenUsage u = TokenUsage.of(d);
            CostEstimate.Result c = CostEstimate.of(u.byModel(), pricing);
            Map<String, Object> m = CostView.structured(c, pricing);
            m.put("scope", "trace");
            m.put("trace_id", d.traceId());
            Output.print(spec.commandLine().getOut(), json,
                    CostView.text("trace " + d.traceId() + " (" + u.totalTokens() + " tokens)", c, pricing, null), m);
            return ExitCodes.OK;
        }
        TokenQuery.Result r;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            r = TokenQuery.overFilter(client, f, maxTraces, ctx.clock().instant(), bar);
        }
        CostEstimate.Result c = CostEstimate.of(r.totals().byModel(), pricing);
        Map<String, Object> m = CostView.structured(c, pricing);
        m.put("scope", "filter");
        m.put("scan", ScanView.structured(r.scan(), f));
        Output.print(spec.commandLine().getOut(), json, CostView.text(r.totals().tracesRead() + " traces ("
                + r.totals().totalTokens() + " tokens)", c, pricing, ScanView.footer(r.scan(), TokensView.filterLabel(f),
                Hints.CLI)), m);
        return ExitCodes.OK;
    }
}
