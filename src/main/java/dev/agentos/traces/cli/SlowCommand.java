package dev.agentos.traces.cli;

import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SlowSpansView;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "slow", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Where the time went (the slow_spans tool).",
                "With TRACE_ID or --run-id: the critical path and the spans with the most own time.",
                "With filters: p50/p95/max duration by span type and name across matching traces."})
final class SlowCommand extends AnswerCommand {

    @Mixin
    TargetOptions target;

    @Option(names = "--top", defaultValue = "" + SlowSpansView.DEFAULT_TOP, paramLabel = "N",
            description = "Most rows to list, 1 to " + SlowSpansView.MAX_TOP + ". Default: ${DEFAULT-VALUE}.")
    int top;

    SlowCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--top", top, 1, SlowSpansView.MAX_TOP);
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.slow(ctx.client(o), target.read(o, ctx.clock().instant()), top, ctx.clock().instant(), bar, Hints.CLI);
        }
        return print(a);
    }
}
