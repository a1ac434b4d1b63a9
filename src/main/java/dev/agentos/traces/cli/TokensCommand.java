package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.TokenQuery;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import dev.agentos.traces.query.TraceTarget;
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
        TraceTarget target = filters.target(traceId, maxTraces, o.defaultDbId(), ctx.clock().instant());
        GroupBy by = GroupBy.parse(groupBy);
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.tokens(ctx.client(o), target, by, ctx.clock().instant(), bar, Hints.CLI);
        }
        Output.print(spec.commandLine().getOut(), json, a);
        return ExitCodes.OK;
    }
}
