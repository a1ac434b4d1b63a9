package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import dev.agentos.traces.query.TraceTarget;
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
        TraceTarget target = filters.target(traceId, maxTraces, o.defaultDbId(), ctx.clock().instant());
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.cost(ctx.client(o), target, Pricing.current(), ctx.clock().instant(), bar, Hints.CLI);
        }
        Output.print(spec.commandLine().getOut(), json, a);
        return ExitCodes.OK;
    }
}
