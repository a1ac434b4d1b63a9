package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.SessionStatsQuery;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SessionStatsView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "Trace statistics by session, with totals.")
final class StatsCommand extends AnswerCommand {

    @Mixin
    FilterMixin filters;

    @Option(names = "--page", defaultValue = "1", paramLabel = "N", description = "Page number, from 1. Default: ${DEFAULT-VALUE}.")
    int page;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Sessions per page, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int limit;

    StatsCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--limit", limit, 1, AgentOsClient.MAX_LIMIT);
        Bounds.check("--page", page, 1, 1_000_000);
        if (filters.sessionOrRunOrStatusGiven()) {
            throw new ArgumentException("stats filters by --user-id, --agent-id, --team-id, --workflow-id, --since "
                    + "and --until only.");
        }
        SessionStatsQuery.Result r = SessionStatsQuery.run(ctx.client(o),
                filters.filter(o.defaultDbId(), ctx.clock().instant()), page, limit);
        return print(SessionStatsView.text(r, Hints.CLI), SessionStatsView.structured(r));
    }
}
