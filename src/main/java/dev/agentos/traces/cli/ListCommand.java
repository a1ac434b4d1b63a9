package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.Style;
import dev.agentos.traces.render.TraceListView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "List traces, newest first (or sorted), one line each.")
final class ListCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Mixin
    FilterMixin filters;

    @Mixin
    ColorMixin color;

    @Option(names = "--page", defaultValue = "1", paramLabel = "N", description = "Page number, from 1. Default: ${DEFAULT-VALUE}.")
    int page;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Traces per page, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--sort-by", paramLabel = "FIELD",
            description = "start_time (default), duration, total_spans or error_count.")
    String sortBy;

    @Option(names = "--sort-order", paramLabel = "asc|desc", description = "Default: desc.")
    String sortOrder;

    @Option(names = "--json", description = "Print JSON (the list_traces tool's structured output).")
    boolean json;

    @Option(names = "--ndjson", description = "Print one JSON object per trace, one per line (for jq and scripts).")
    boolean ndjson;

    @Option(names = "--watch", paramLabel = "SECONDS",
            description = "List again every SECONDS (2 or more), printing only traces not shown before; Ctrl-C stops.")
    Integer watch;

    /** Test hook: stop watching after this many rounds (0: until interrupted). */
    @Option(names = "--watch-rounds", hidden = true, defaultValue = "0")
    int watchRounds;

    ListCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--limit", limit, 1, AgentOsClient.MAX_LIMIT);
        Bounds.check("--page", page, 1, 1_000_000);
        Style style = color.style(ctx);
        TraceOrder order;
        boolean descending;
        try {
            order = TraceOrder.parse(sortBy);
        } catch (ArgumentException e) {
            throw new ArgumentException("--sort-by must be one of " + TraceOrder.NAMES + ", not '" + sortBy.strip() + "'.");
        }
        try {
            descending = TraceOrder.parseDescending(sortOrder);
        } catch (ArgumentException e) {
            throw new ArgumentException("--sort-order must be asc or desc, not '" + sortOrder.strip() + "'.");
        }
        if (json && ndjson) {
            throw new ArgumentException("Give --json or --ndjson, not both.");
        }
        if (watch != null) {
            if (watch < 2) {
                throw new ArgumentException("--watch must be 2 seconds or more, not " + watch + ".");
            }
            if (json) {
                throw new ArgumentException("--watch prints traces as they come: use it with text or --ndjson, not --json.");
            }
            filters.filter(o.defaultDbId(), ctx.clock().instant()); // bad filters fail now, not in the first round
            return new Watch(ctx, ctx.client(o), spec.commandLine().getOut(), spec.commandLine().getErr(), style, ndjson,
                    Duration.ofSeconds(watch), watchRounds,
                    () -> new ListTraces.Request(filters.filter(o.defaultDbId(), ctx.clock().instant()), page, limit,
                            order, descending)).run();
        }
        ListTraces.Request req = new ListTraces.Request(filters.filter(o.defaultDbId(), ctx.clock().instant()), page, limit,
                order, descending);
        ListTraces.Result r = ListTraces.run(ctx.client(o), req);
        Map<String, Object> structured = TraceListView.structured(r);
        if (ndjson) {
            Output.lines(spec.commandLine().getOut(), (List<?>) structured.get("traces"));
        } else {
            Output.print(spec.commandLine().getOut(), json, TraceListView.table(r, Hints.CLI, style), structured);
        }
        return ExitCodes.OK;
    }
}
