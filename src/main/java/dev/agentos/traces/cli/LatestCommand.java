package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.LatestTrace;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.TraceView;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "latest", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"The newest trace in full, for an agent, team, workflow, session or user (the latest_trace tool).",
                "With --run-id and --wait N: wait up to N seconds for that run's trace (run it, then look)."})
final class LatestCommand extends AnswerCommand {

    @Mixin
    FilterMixin filters;

    @Option(names = "--wait", defaultValue = "0", paramLabel = "SECONDS",
            description = "With --run-id: seconds to wait for its trace, 0 to " + LatestTrace.MAX_WAIT_SECONDS
                    + ". Default: ${DEFAULT-VALUE}.")
    int waitSeconds;

    @Option(names = "--max-spans", defaultValue = "" + TraceView.DEFAULT_MAX_SPANS, paramLabel = "N",
            description = "Most spans to show, 1 to " + TraceView.MAX_MAX_SPANS + ". Default: ${DEFAULT-VALUE}.")
    int maxSpans;

    LatestCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--wait", waitSeconds, 0, LatestTrace.MAX_WAIT_SECONDS);
        Bounds.check("--max-spans", maxSpans, 1, TraceView.MAX_MAX_SPANS);
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        if (f.status() != null || f.startTime() != null || f.endTime() != null) {
            throw new ArgumentException("latest takes --agent-id, --team-id, --workflow-id, --session-id, --user-id "
                    + "and --run-id.");
        }
        if (waitSeconds > 0 && f.runId() == null) {
            throw new ArgumentException("--wait needs --run-id: it waits for that run's trace.");
        }
        LatestTrace.Result r = LatestTrace.find(ctx.client(o), f, waitSeconds, ctx.clock(), LatestTrace.Sleeper.REAL,
                ScanControl.NONE);
        TraceView.Options opts = new TraceView.Options(maxSpans, 0);
        String text = TraceView.text(r.trace(), opts, Hints.CLI);
        Map<String, Object> structured = TraceView.structured(r.trace(), opts);
        if (!r.finished()) {
            text = "Still running: the run's top-level span has not finished after " + waitSeconds
                    + " s; this is the trace so far.\n" + text;
            structured.put("in_progress", true);
        }
        return print(text, structured);
    }
}
