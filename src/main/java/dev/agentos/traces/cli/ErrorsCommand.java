package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.render.ErrorsView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "errors", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "What keeps failing: failed spans across matching traces, grouped by cause (the find_errors tool).")
final class ErrorsCommand extends AnswerCommand {

    @Mixin
    FilterMixin filters;

    @Option(names = "--max-traces", defaultValue = "" + TraceScan.DEFAULT_LIMIT, paramLabel = "N",
            description = "Most traces to read, newest first, up to " + TraceScan.MAX_LIMIT + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    @Option(names = "--max-groups", defaultValue = "" + ErrorsView.DEFAULT_MAX_GROUPS, paramLabel = "N",
            description = "Most causes to list, 1 to " + ErrorsView.MAX_MAX_GROUPS + ". Default: ${DEFAULT-VALUE}.")
    int maxGroups;

    ErrorsCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-traces", maxTraces, 1, TraceScan.MAX_LIMIT);
        Bounds.check("--max-groups", maxGroups, 1, ErrorsView.MAX_MAX_GROUPS);
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        if (f.runId() != null) {
            throw new ArgumentException("errors reads many traces; for one run use: get --run-id " + f.runId());
        }
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.errors(ctx.client(o), f, maxTraces, maxGroups, ctx.clock().instant(), bar, Hints.CLI);
        }
        return print(a);
    }
}
