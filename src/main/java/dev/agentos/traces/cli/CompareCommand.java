package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.render.CompareView;
import dev.agentos.traces.render.Hints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = "What changed between two runs: TRACE_A (the baseline) and TRACE_B (the compare_traces tool).")
final class CompareCommand extends AnswerCommand {

    @Parameters(index = "0", paramLabel = "TRACE_A", description = "The baseline trace id.")
    String a;

    @Parameters(index = "1", paramLabel = "TRACE_B", description = "The trace to explain.")
    String b;

    @Option(names = "--max-rows", defaultValue = "" + CompareView.DEFAULT_MAX_ROWS, paramLabel = "N",
            description = "Most differing spans to list, 1 to " + CompareView.MAX_MAX_ROWS + ". Default: ${DEFAULT-VALUE}.")
    int maxRows;

    CompareCommand(Context ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--max-rows", maxRows, 1, CompareView.MAX_MAX_ROWS);
        AgentOsClient client = ctx.client(o);
        TraceDiff.Result r = TraceDiff.of(FindTrace.byIdOrRun(client, a, null, o.defaultDbId()),
                FindTrace.byIdOrRun(client, b, null, o.defaultDbId()));
        return print(CompareView.text(r, maxRows, Hints.CLI),
                CompareView.structured(r, maxRows));
    }
}
