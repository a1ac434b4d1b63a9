package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.query.CheckTraces;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.render.CheckView;
import dev.agentos.traces.render.JUnitXml;
import dev.agentos.traces.render.Style;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Check traces against rules, for tests and CI (the check_traces tool): one trace (--trace-id), "
                + "a run's (--run-id), the newest of an agent, team or workflow (--latest), or every trace matching "
                + "the filters.",
                "Exit 0 when every rule passes, 1 when any fails; the usual codes for errors."})
final class CheckCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Option(names = "--trace-id", paramLabel = "ID", description = "Check this trace.")
    String traceId;

    @Option(names = "--latest", paramLabel = "ID", description = "Check the newest trace of this agent, team or workflow.")
    String latest;

    @Mixin
    FilterMixin filters;

    @Option(names = "--limit", defaultValue = "" + CheckTraces.DEFAULT_LIMIT, paramLabel = "N",
            description = "With filters: the newest N traces, 1 to " + CheckTraces.MAX_LIMIT + ". Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    RulesMixin rules;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE (for CI).")
    Path junit;

    @Option(names = "--json", description = "Print JSON (the check_traces tool's structured output, every result).")
    boolean json;

    CheckCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--limit", limit, 1, CheckTraces.MAX_LIMIT);
        List<TraceRules.Rule> list = rules.rules();
        if (list.isEmpty()) {
            throw new ArgumentException("No rules given; add e.g. --no-failed-spans, --max-tokens N or --rules FILE.");
        }
        TraceFilter f = filters.filter(o.defaultDbId(), ctx.clock().instant());
        String runId = f.runId();
        TraceFilter rest = new TraceFilter(null, f.sessionId(), f.userId(), f.agentId(), f.teamId(), f.workflowId(),
                f.status(), f.startTime(), f.endTime(), f.dbId());
        long t0 = System.nanoTime();
        CheckTraces.Result r = CheckTraces.run(ctx.client(o), new CheckTraces.Target(traceId, runId, latest, rest, limit),
                list, ctx.clock(), ScanControl.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Style style = ctx.colour() ? Style.ANSI : Style.PLAIN;
        if (json) {
            Output.print(spec.commandLine().getOut(), true, null, CheckView.structured(r, Integer.MAX_VALUE));
        } else {
            Output.styled(spec.commandLine().getOut(), CheckView.text(r, style) + "\n");
        }
        if (junit != null) {
            writeJUnit(r, junit, ctx, seconds);
        }
        return r.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    static void writeJUnit(CheckTraces.Result r, Path file, Context ctx, double seconds) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JUnitXml.write(r, "agentos-traces check", ctx.clock().instant(), seconds, w);
        } catch (IOException e) {
            throw new ArgumentException("Cannot write the JUnit file " + file + " (" + e.getMessage() + "); check --junit.");
        }
    }
}
