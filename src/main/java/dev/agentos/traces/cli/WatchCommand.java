package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.query.LatestTrace;
import dev.agentos.traces.render.CheckView;
import dev.agentos.traces.render.Style;
import dev.agentos.traces.render.Terminal;
import dev.agentos.traces.render.TraceListView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Print each new trace in one line as it arrives, and check it against the rule flags given "
                + "(violations stand out). Polls with back-off; Ctrl-C stops.",
                "With --exit-on-failure: exit 1 at the first trace that breaks a rule."})
final class WatchCommand implements Callable<Integer> {

    /** A trace still being written is looked at again this many times before it is checked as it is. */
    static final int MAX_UNFINISHED_POLLS = 10;

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Mixin
    FilterMixin filters;

    @Mixin
    RulesMixin rules;

    @Option(names = "--interval", defaultValue = "5", paramLabel = "SECONDS",
            description = "Seconds between polls (1 or more; up to 6x that while nothing happens). Default: ${DEFAULT-VALUE}.")
    int interval;

    @Option(names = "--json", description = "Also write each violation to stderr as one JSON object per line.")
    boolean json;

    @Option(names = "--exit-on-failure", description = "Exit 1 at the first trace that breaks a rule.")
    boolean exitOnFailure;

    WatchCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--interval", interval, 1, 3600);
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        if (f.runId() != null) {
            throw new ArgumentException("watch follows new runs; --run-id names one that already ran (use check --run-id).");
        }
        List<TraceRules.Rule> list = rules.rules();
        if (exitOnFailure && list.isEmpty()) {
            throw new ArgumentException("--exit-on-failure needs rules to fail, e.g. --no-failed-spans.");
        }
        AgentOsClient client = ctx.client(o);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Style style = ctx.colour() ? Style.ANSI : Style.PLAIN;
        Set<String> seen = new HashSet<>();
        Map<String, Integer> unfinished = new HashMap<>();
        Backoff backoff = new Backoff(interval * 1000L, interval * 6000L);
        boolean first = true;
        while (true) {
            long wait;
            boolean firstPoll = first;
            try {
                List<TraceSummary> page = client.listTraces(f, 1, AgentOsClient.DEFAULT_LIMIT).data();
                if (first) {
                    page.forEach(t -> seen.add(t.traceId()));
                    out.println(style.dim("watching for new traces every " + interval + " s" + (list.isEmpty() ? ""
                            : ", checking " + list.size() + (list.size() == 1 ? " rule" : " rules"))
                            + " (" + page.size() + " earlier ones skipped); Ctrl-C stops"));
                    first = false;
                }
                List<TraceSummary> fresh = new ArrayList<>();
                for (TraceSummary t : page) {
                    if (!seen.contains(t.traceId())) {
                        fresh.add(0, t); // oldest first
                    }
                }
                boolean news = false;
                for (TraceSummary t : fresh) {
                    List<TraceRules.Result> results = List.of();
                    if (!list.isEmpty()) {
                        TraceDetail d = client.getTrace(t.traceId(), f.dbId());
                        int polls = unfinished.merge(t.traceId(), 1, Integer::sum);
                        if (!LatestTrace.finished(d) && polls < MAX_UNFINISHED_POLLS) {
                            continue; // still being written: check it when its run's span is in
                        }
                        results = TraceRules.evaluate(list, List.of(d), Pricing.current());
                        t = d.summary();
                    }
                    seen.add(t.traceId());
                    unfinished.remove(t.traceId());
                    news = true;
                    boolean failed = print(out, err, style, t, results);
                    if (out.checkError()) {
                        return ExitCodes.OK; // the reader went away (| head): nothing left to show
                    }
                    if (failed && exitOnFailure) {
                        return ExitCodes.CHECK_FAILED;
                    }
                }
                wait = news || firstPoll ? backoff.news() : backoff.idle();
            } catch (AgentOsException e) {
                wait = backoff.error();
                err.println("error: " + Terminal.escape(e.getMessage()) + " (trying again in " + wait / 1000 + " s)");
                err.flush();
            }
            if (out.checkError()) {
                return ExitCodes.OK;
            }
            try {
                ctx.sleeper().sleep(Duration.ofMillis(wait));
            } catch (InterruptedException stop) {
                return ExitCodes.OK;
            }
        }
    }

    /** One line for the trace, its failed rules after it; returns whether any failed. */
    private boolean print(PrintWriter out, PrintWriter err, Style style, TraceSummary t, List<TraceRules.Result> results) {
        StringBuilder line = new StringBuilder(TraceListView.rows(List.of(t), style, false).stripTrailing());
        List<TraceRules.Result> failed = results.stream().filter(r -> !r.passed()).toList();
        if (!results.isEmpty()) {
            if (failed.isEmpty()) {
                line.append("  ").append(style.green("pass " + results.size() + (results.size() == 1 ? " rule" : " rules")));
            } else {
                List<String> why = new ArrayList<>();
                for (TraceRules.Result r : failed) {
                    why.add(Terminal.escape(r.rule().label() + " (observed " + r.observed() + ", limit " + r.limit() + ")"));
                }
                line.append("  ").append(style.red("FAIL " + String.join("; ", why)));
            }
        }
        Output.styled(out, line + "\n"); // the row's and the rules' data are escaped: only our colours stay
        if (json) {
            for (TraceRules.Result r : failed) {
                Map<String, Object> v = new LinkedHashMap<>(CheckView.result(r));
                v.put("trace_id", t.traceId());
                Output.lines(err, List.of(v));
            }
        }
        return !failed.isEmpty();
    }
}
