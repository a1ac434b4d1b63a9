package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.query.SessionStatsQuery;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SessionStatsView;
import dev.agentos.traces.render.TraceListView;
import dev.agentos.traces.render.TraceView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top level. Without a subcommand it behaves like Agno's {@code view_traces.py}:
 * {@code --limit N} lists, {@code --trace-id ID} shows one trace, {@code --stats} shows session stats.
 */
@Command(name = "agentos-traces-mcp", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Ask questions of the traces an Agno AgentOS records: as an MCP server (serve) or from the terminal.",
                "Without a subcommand: list recent traces (--limit), one trace (--trace-id) or session stats (--stats)."},
        footer = {"", "Exit codes: 0 ok, 1 internal error (check, run, watch: a rule failed), 2 usage error,",
                "3 AgentOS unreachable or timed out, 4 AgentOS refused the key, 5 not found,",
                "6 AgentOS rejected the request or sent a bad reply."})
final class RootCommand implements Callable<Integer> {

    /** The top level's own flags: they do nothing when a subcommand follows, so that is refused. */
    static final java.util.List<String> OWN_FLAGS = java.util.List.of("--limit", "--trace-id", "--stats", "--json");

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N",
            description = "Traces to list (or, with --stats, sessions), 1 to 100. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--trace-id", paramLabel = "ID", description = "Show this trace's span tree.")
    String traceId;

    @Option(names = "--stats", description = "Show trace statistics by session.")
    boolean stats;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    RootCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--limit", limit, 1, AgentOsClient.MAX_LIMIT);
        if (traceId != null && stats) {
            throw new ArgumentException("Give --trace-id or --stats, not both.");
        }
        var client = ctx.client(o);
        var out = spec.commandLine().getOut();
        if (traceId != null) {
            TraceDetail d = client.getTrace(traceId, o.defaultDbId());
            TraceView.Options opts = new TraceView.Options(TraceView.DEFAULT_MAX_SPANS, 0);
            Output.print(out, json, TraceView.text(d, opts, Hints.CLI), TraceView.structured(d, opts));
        } else if (stats) {
            SessionStatsQuery.Result r = SessionStatsQuery.run(client, TraceFilter.NONE.withDbId(o.defaultDbId()), 1, limit);
            Output.print(out, json, SessionStatsView.text(r, Hints.CLI), SessionStatsView.structured(r));
        } else {
            ListTraces.Result r = ListTraces.run(client, new ListTraces.Request(
                    TraceFilter.NONE.withDbId(o.defaultDbId()), 1, limit, TraceOrder.START_TIME, true));
            Output.print(out, json, TraceListView.text(r, Hints.CLI), TraceListView.structured(r));
        }
        return ExitCodes.OK;
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"agentos-traces-mcp " + Context.version()};
        }
    }
}
