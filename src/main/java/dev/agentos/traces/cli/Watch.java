package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.render.Style;
import dev.agentos.traces.render.TraceListView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code list --watch N}: lists again every N seconds and prints only traces it has not printed before,
 * oldest first under a timestamp line (NDJSON: the trace objects only). A failed round prints one line on
 * stderr and waits twice as long before the next (up to 60 s); a good round goes back to N. It ends when
 * interrupted (Ctrl-C: exit 0) or when whoever reads stdout goes away (a closed pipe).
 */
final class Watch {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** Ids remembered; older ones are forgotten (a trace that old does not come back on page 1). */
    static final int MAX_SEEN = 100_000;

    private final Context ctx;
    private final AgentOsClient client;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final boolean ndjson;
    private final Duration every;
    private final int rounds;
    private final Supplier<ListTraces.Request> request;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();

    Watch(Context ctx, AgentOsClient client, PrintWriter out, PrintWriter err, Style style, boolean ndjson,
            Duration every, int rounds, Supplier<ListTraces.Request> request) {
        this.ctx = ctx;
        this.client = client;
        this.out = out;
        this.err = err;
        this.style = style;
        this.ndjson = ndjson;
        this.every = every;
        this.rounds = rounds;
        this.request = request;
    }

    int run() {
        // Ctrl-C: whatever was printed stays printed, and the exit status says it went well
        Thread onInterrupt = rounds > 0 ? null : new Thread(() -> {
            out.flush();
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.OK);
        }, "watch-ctrl-c");
        if (onInterrupt != null) {
            Runtime.getRuntime().addShutdownHook(onInterrupt);
        }
        try {
            Duration wait = every;
            for (int round = 0; rounds <= 0 || round < rounds; round++) {
                if (round > 0) {
                    ctx.sleeper().sleep(wait);
                }
                ListTraces.Result r;
                try {
                    r = ListTraces.run(client, request.get());
                } catch (AgentOsException e) {
                    wait = min(wait.multipliedBy(2), MAX_BACKOFF);
                    err.println("error: " + Main.oneLine(e.getMessage()) + " (trying again in " + wait.toSeconds() + " s)");
                    err.flush();
                    continue;
                }
                wait = every;
                if (!print(fresh(r.traces()), round == 0)) {
                    return ExitCodes.OK; // stdout's reader is gone: nobody to watch for
                }
            }
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.OK;
        } finally {
            if (onInterrupt != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to
                }
            }
        }
    }

    /** The traces not printed before, oldest first. */
    private List<TraceSummary> fresh(List<TraceSummary> traces) {
        List<TraceSummary> fresh = new ArrayList<>();
        for (TraceSummary t : traces) {
            if (seen.add(t.traceId())) {
                fresh.add(t);
            }
        }
        Iterator<String> oldest = seen.iterator();
        while (seen.size() > MAX_SEEN && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        fresh.sort(java.util.Comparator.comparing(TraceSummary::startTime,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return fresh;
    }

    /** @return false when stdout can no longer be written (a closed pipe) */
    private boolean print(List<TraceSummary> fresh, boolean first) {
        if (fresh.isEmpty()) {
            return !out.checkError();
        }
        if (ndjson) {
            List<Object> rows = new ArrayList<>();
            for (TraceSummary t : fresh) {
                rows.add(TraceListView.row(t));
            }
            Output.lines(out, rows);
        } else {
            String when = ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
            String what = fresh.size() + (first ? (fresh.size() == 1 ? " trace" : " traces")
                    : (fresh.size() == 1 ? " new trace" : " new traces"));
            out.println(style.dim("[" + when + "] " + what
                    + (first ? "; watching every " + every.toSeconds() + " s, Ctrl-C to stop" : "")));
            out.print(TraceListView.rows(fresh, style));
            out.flush();
        }
        return !out.checkError();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
