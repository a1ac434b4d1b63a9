package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.PeriodQueries;
import dev.agentos.traces.query.PeriodScan;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.TrendHtml;
import dev.agentos.traces.render.TrendView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Two periods side by side (the compare_periods tool): the window (--since, default 24h) against "
                + "a baseline (default: as long, right before it), per agent/team/workflow and per model, changes of "
                + "20%% or more marked."})
final class TrendCommand extends AnswerCommand {

    @Mixin
    FilterMixin filters;

    @Mixin
    PeriodOptions period;

    @Option(names = "--group-by", paramLabel = "day", description = "day: add a daily series (a sparkline at a terminal).")
    String groupBy;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the comparison and the daily series as a chart to FILE: one self-contained HTML "
                    + "page (no network requests); open it in a browser.")
    Path html;

    @Option(names = "--max-traces", defaultValue = "" + TraceScan.DEFAULT_LIMIT, paramLabel = "N",
            description = "Most traces to read in each window, up to " + TraceScan.MAX_LIMIT + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    TrendCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-traces", maxTraces, 1, TraceScan.MAX_LIMIT);
        if (groupBy != null && !groupBy.strip().equalsIgnoreCase("day")) {
            throw new ArgumentException("--group-by takes day, not '" + dev.agentos.traces.client.Times.clipForMessage(groupBy)
                    + "'.");
        }
        Instant now = ctx.clock().instant();
        PeriodScan.Periods p = period.periods(filters.filter(o.defaultDbId(), now), null, now);
        AgentOsClient client = ctx.client(o);
        PeriodQueries.TrendAnswer r;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            r = PeriodQueries.trend(client, p, maxTraces, groupBy != null || html != null, now, bar);
        }
        TrendView.Trend t = TrendView.Trend.of(r, groupBy != null);
        print(TrendView.text(t, Hints.CLI, ctx.terminal(), ctx.utf8()), TrendView.structured(t));
        if (html != null) {
            try {
                Files.writeString(html, TrendHtml.page(TrendView.Trend.of(r, true)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ArgumentException("Cannot write " + html + " (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + "); give --html a writable path.");
            }
            spec.commandLine().getErr().println("Chart written to " + html + "; open it in a browser.");
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }
}
