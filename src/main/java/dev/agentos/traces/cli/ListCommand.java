package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.Style;
import dev.agentos.traces.render.Terminal;
import dev.agentos.traces.render.TraceListView;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.TraceSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "List traces, newest first (or sorted), one line each.")
final class ListCommand extends AnswerCommand {

    @Mixin
    FilterMixin filters;

    @Option(names = "--page", defaultValue = "1", paramLabel = "N", description = "Page number, from 1. Default: ${DEFAULT-VALUE}.")
    int page;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Traces per page, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--sort-by", paramLabel = "FIELD",
            description = "start_time (default), duration, total_spans or error_count.")
    String sortBy;

    @Option(names = "--sort-order", paramLabel = "asc|desc", description = "Default: desc.")
    String sortOrder;

    @Option(names = "--ndjson", description = "Print one JSON object per trace, one per line (for jq and scripts).")
    boolean ndjson;

    @Option(names = "--watch", paramLabel = "SECONDS",
            description = "List again every SECONDS (2 or more) and print traces as they arrive; on errors wait longer "
                    + "(up to 60 s); Ctrl-C stops.")
    Integer watch;

    @Option(names = "--color", paramLabel = "WHEN", completionCandidates = ColorWhen.class,
            description = "Colour: auto (on a terminal, unless NO_COLOR or AGENTOS_TRACES_COLOR say otherwise), "
                    + "always or never. Given here, it wins over both.")
    String color;

    static final class ColorWhen implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("auto", "always", "never").iterator();
        }
    }

    ListCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--limit", limit, 1, AgentOsClient.MAX_LIMIT);
        Bounds.check("--page", page, 1, 1_000_000);
        Style style = style(); // a bad --color fails before any request
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
        ListTraces.Request req = new ListTraces.Request(filters.filter(o.defaultDbId(), ctx.clock().instant()), page, limit,
                order, descending);
        if (json && ndjson) {
            throw new ArgumentException("Give --json or --ndjson, not both.");
        }
        if (watch != null) {
            return watch(ctx.client(o), req);
        }
        ListTraces.Result r = ListTraces.run(ctx.client(o), req);
        Map<String, Object> structured = TraceListView.structured(r);
        if (ndjson) {
            Output.lines(spec.commandLine().getOut(), (List<?>) structured.get("traces"));
        } else if (json) {
            Output.print(spec.commandLine().getOut(), true, null, structured);
        } else {
            Output.styled(spec.commandLine().getOut(), TraceListView.table(r, Hints.CLI, style) + "\n");
        }
        return ExitCodes.OK;
    }

    /** --color when given (no-color.org: a flag on the command line wins over NO_COLOR), else the environment's choice. */
    private Style style() {
        String when = color == null ? "auto" : color.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (when) {
            case "always" -> Style.ANSI;
            case "never" -> Style.PLAIN;
            case "auto" -> ctx.colour() ? Style.ANSI : Style.PLAIN;
            default -> throw new ArgumentException("--color must be auto, always or never, not '" + color.strip() + "'.");
        };
    }

    /** Lists, then every {@code watch} seconds prints only the traces it has not shown yet. */
    private int watch(AgentOsClient client, ListTraces.Request req) {
        if (watch < 2) {
            throw new ArgumentException("--watch needs at least 2 seconds between lists, not " + watch + ".");
        }
        if (json) {
            throw new ArgumentException("--watch prints rows as traces arrive: use it with text or --ndjson, not --json.");
        }
        if (req.page() != 1 || req.order() != TraceOrder.START_TIME || !req.descending()) {
            throw new ArgumentException("--watch follows the newest traces: drop --page, --sort-by and --sort-order.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Style style = style();
        Set<String> seen = new HashSet<>();
        Backoff backoff = new Backoff(watch * 1000L, watch * 1000L);
        long wait;
        boolean first = true;
        while (true) {
            try {
                ListTraces.Result r = ListTraces.run(client, req);
                List<TraceSummary> fresh = new ArrayList<>();
                for (TraceSummary t : r.traces()) {
                    if (seen.add(t.traceId())) {
                        fresh.add(t);
                    }
                }
                if (ndjson) {
                    Output.lines(out, fresh.stream().map(t -> TraceListView.summary(t, 200)).toList());
                } else if (first) {
                    Output.styled(out, TraceListView.table(r, Hints.CLI, style) + "\n");
                    out.println(style.dim("watching for new traces every " + watch + " s; Ctrl-C stops"));
                } else if (!fresh.isEmpty()) {
                    out.println(style.bold(ctx.clock().instant().toString().substring(0, 19).replace('T', ' ') + "  "
                            + fresh.size() + (fresh.size() == 1 ? " new trace" : " new traces")));
                    Output.styled(out, TraceListView.rows(fresh, style, false));
                }
                if (out.checkError()) {
                    return ExitCodes.OK; // the reader went away (| head, a closed pager): nothing left to show
                }
                first = false;
                wait = backoff.news();
            } catch (AgentOsException e) {
                wait = backoff.error();
                err.println("error: " + Terminal.escape(e.getMessage()) + " (trying again in " + wait / 1000 + " s)");
                err.flush();
            }
            try {
                ctx.sleeper().sleep(Duration.ofMillis(wait));
            } catch (InterruptedException stop) {
                return ExitCodes.OK;
            }
        }
    }
}
