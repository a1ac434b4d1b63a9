package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cost", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Estimated cost of the tokens of one trace or of every matching trace (the token_cost tool).")
final class CostCommand extends AnswerCommand {

    @Mixin
    TargetOptions target;

    CostCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.cost(ctx.client(o), target.read(o, ctx.clock().instant()), Pricing.current(), ctx.clock().instant(), bar, Hints.CLI);
        }
        return print(a);
    }
}
