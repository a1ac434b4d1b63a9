package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.GroupBy;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tokens", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Exact token counts of one trace, or summed over every trace matching the filters.")
final class TokensCommand extends AnswerCommand {

    @Mixin
    TargetOptions target;

    TokensCommand(Context ctx) {
        super(ctx);
    }

    @Option(names = "--group-by", paramLabel = "model|agent|user|session|day",
            description = "With filters: also break the totals down by this (day = UTC day the trace started).")
    String groupBy;

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        GroupBy by = GroupBy.parse(groupBy);
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.tokens(ctx.client(o), target.read(o, ctx.clock().instant()), by, ctx.clock().instant(), bar, Hints.CLI);
        }
        return print(a);
    }
}
