package dev.agentos.traces.cli;

import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.answer.Answers;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.PeriodScan;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.render.AnomaliesView;
import dev.agentos.traces.render.Hints;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "anomalies", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Unusual runs (the find_anomalies tool): runs in the window (--since, default 24h) far from "
                + "their agent/team/workflow's baseline (default: the 7 days before) in tokens, duration, LLM or tool "
                + "calls; tools failing more often; error shapes, tools and models never seen in the baseline."})
final class AnomaliesCommand extends AnswerCommand {

    @Mixin
    FilterMixin filters;

    @Mixin
    PeriodOptions period;

    @Option(names = "--max-runs", defaultValue = "" + AnomaliesView.DEFAULT_MAX_RUNS, paramLabel = "N",
            description = "Most unusual runs to list, 1 to " + AnomaliesView.MAX_MAX_RUNS + ". Default: ${DEFAULT-VALUE}.")
    int maxRuns;

    @Option(names = "--max-traces", defaultValue = "" + TraceScan.DEFAULT_LIMIT, paramLabel = "N",
            description = "Most traces to read in each window, up to " + TraceScan.MAX_LIMIT + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    AnomaliesCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-runs", maxRuns, 1, AnomaliesView.MAX_MAX_RUNS);
        Bounds.check("--max-traces", maxTraces, 1, TraceScan.MAX_LIMIT);
        Instant now = ctx.clock().instant();
        PeriodScan.Periods p = period.periods(filters.filter(o.defaultDbId(), now), PeriodScan.ANOMALY_BASELINE, now);
        Answer a;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            a = Answers.anomalies(ctx.client(o), p, maxTraces, maxRuns, now, bar, Hints.CLI);
        }
        return print(a);
    }
}
