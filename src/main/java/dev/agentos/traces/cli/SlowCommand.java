package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.Bottlenecks;
import dev.agentos.traces.analysis.SpanLatency;
import dev.agentos.traces.analysis.TimeSplitStats;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.query.TraceScan;
import dev.agentos.traces.query.TraceSource;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.SlowSpansView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "slow", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Where the time went (the slow_spans tool).",
                "With TRACE_ID or --run-id: LLM, tool and other time (also per step), the critical path, the spans with "
                        + "the most own time.",
                "With filters: p50/p95/max duration by span type and name, and the time split by agent, team or workflow."})
final class SlowCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Mixin
    FilterMixin filters;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE_ID", description = "One trace (or use --run-id).")
    String traceId;

    @Option(names = "--top", defaultValue = "" + SlowSpansView.DEFAULT_TOP, paramLabel = "N",
            description = "Most rows to list, 1 to " + SlowSpansView.MAX_TOP + ". Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--max-traces", defaultValue = "" + TraceScan.DEFAULT_LIMIT, paramLabel = "N",
            description = "With filters: most traces to read, up to " + TraceScan.MAX_LIMIT + ". Default: ${DEFAULT-VALUE}.")
    int maxTraces;

    @Option(names = "--json", description = "Print JSON (the slow_spans tool's structured output).")
    boolean json;

    SlowCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--top", top, 1, SlowSpansView.MAX_TOP);
        Bounds.check("--max-traces", maxTraces, 1, TraceScan.MAX_LIMIT);
        AgentOsClient client = ctx.client(o);
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        if (traceId != null || f.runId() != null) {
            if (!new TraceFilter(f.runId(), null, null, null, null, null, null, null, null, f.dbId()).equals(f)) {
                throw new ArgumentException("Give a trace (TRACE_ID or --run-id) or filters, not both.");
            }
            TraceDetail d = FindTrace.byIdOrRun(client, traceId, traceId == null ? f.runId() : null, o.defaultDbId());
            Bottlenecks.Result r = Bottlenecks.of(d);
            Output.print(spec.commandLine().getOut(), json, SlowSpansView.text(d, r, top, Hints.CLI),
                    SlowSpansView.structured(d, r, top));
            return ExitCodes.OK;
        }
        SpanLatency latency = new SpanLatency();
        TimeSplitStats splits = new TimeSplitStats();
        TraceScan.Stats s;
        try (ProgressBar bar = ProgressBar.of(ctx, spec)) {
            s = TraceSource.of(client).scan(f, maxTraces, ctx.clock().instant(), bar, t -> {
                latency.add(t);
                splits.add(t);
            });
        }
        List<SpanLatency.Stat> stats = latency.result();
        List<TimeSplitStats.Row> runners = splits.result();
        Output.print(spec.commandLine().getOut(), json,
                SlowSpansView.text(stats, latency, runners, s, f, top, Hints.CLI),
                SlowSpansView.structured(stats, latency, runners, s, f, top));
        return ExitCodes.OK;
    }
}
