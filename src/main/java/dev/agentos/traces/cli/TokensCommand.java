package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.analysis.TokenUsage;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.TokensView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "tokens", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Exact token counts of one trace, or summed over every trace matching the filters.")
final class TokensCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Mixin
    FilterMixin filters;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE_ID", description = "One trace (or use --run-id).")
    String traceId;

    @Option(names = "--max-traces", defaultValue = "" + TokenQuery.DEFAULT_MAX_TRACES,
            description = "With filters: most traces to read, newest first, up to " + TokenQuery.MAX_MAX_TRACES
                    + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    @Option(names = "--json", description = "Print JSON (the total_tokens tool's structured output).")
    boolean json;

    TokensCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--group-by", paramLabel = "model|agent|user|session|day",
            description = "With filters: also break the totals down by this (day = UTC day the trace started).")
    String groupBy;

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-traces", maxTraces, 1, TokenQuery.MAX_MAX_TRACES);
        AgentOsClient client = ctx.client(o);
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        if (traceId != null || f.runId() != null) {
            if (!new TraceFilter(f.runId(), null, null, null, null, null, null, null, null, f.dbId()).equals(f)) {
                throw new ArgumentException("Give a trace (TRACE_ID or --run-id) or filters, not both.");
            }
            TraceDetail d = FindTrace.byIdOrRun(client, traceId, traceId == null ? f.runId() : null, o.defaultDbId());
            TokenUsage u = TokenUsage.of(d);
            Output.print(spec.commandLine().getOut(), json, TokensView.text(d, u), TokensView.structured(d, u));
            return ExitCodes.OK;
        }
        GroupBy by = GroupBy.parse(groupBy);
        TokenQuery.Result r;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            r = TokenQuery.overFilter(client, f, by, maxTraces, ctx.clock().instant(), bar);
        }
        Output.print(spec.commandLine().getOut(), json, TokensView.text(r, f, by, Hints.CLI),
                TokensView.structured(r, f, by));
        return ExitCodes.OK;
    }
}
