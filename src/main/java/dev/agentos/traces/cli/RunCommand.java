package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TraceRules;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.RunEvent;
import dev.agentos.traces.mcp.ToolSelection;
import dev.agentos.traces.query.CheckTraces;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.query.LatestTrace;
import dev.agentos.traces.query.RunAgent;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.render.CheckView;
import dev.agentos.traces.render.Hints;
import dev.agentos.traces.render.RunView;
import dev.agentos.traces.render.Style;
import dev.agentos.traces.render.Terminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Run an agent, team or workflow with a message, then show its trace (the run_agent tool): "
                + "run, then look. Needs --allow-runs or AGENTOS_TRACES_ALLOW_RUNS=1: a run has side effects and costs tokens.",
                "With --check and rule flags, check its trace too: a test of an agent in one line. Exit 0 when the run "
                + "completed (and every rule passed), 1 when not; Ctrl-C cancels the run on AgentOS."})
final class RunCommand implements Callable<Integer> {

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin conn;

    @Parameters(index = "0", paramLabel = "ID", description = "Agent, team or workflow id (see: agents).")
    String id;

    @Parameters(index = "1", paramLabel = "MESSAGE", description = "What to send it.")
    String message;

    @Option(names = "--session-id", paramLabel = "ID", description = "Continue this session.")
    String sessionId;

    @Option(names = "--user-id", paramLabel = "ID", description = "Run as this user.")
    String userId;

    @Option(names = "--wait", defaultValue = "30", paramLabel = "SECONDS",
            description = "Seconds to wait for the run's trace, 0 to " + LatestTrace.MAX_WAIT_SECONDS + ". Default: ${DEFAULT-VALUE}.")
    int waitSeconds;

    @Option(names = "--allow-runs", description = "Allow this command to run an agent (or AGENTOS_TRACES_ALLOW_RUNS=1).")
    boolean allowRuns;

    @Option(names = "--check", description = "Check the run's trace with the rule flags given (default: --no-failed-spans).")
    boolean check;

    @Mixin
    RulesMixin rules;

    @Option(names = "--junit", paramLabel = "FILE", description = "With --check: also write JUnit XML to FILE.")
    Path junit;

    @Option(names = "--json", description = "Print JSON (the run_agent tool's structured output, with the check's).")
    boolean json;

    RunCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!allowRuns && !ToolSelection.runsAllowedByEnv(ctx.env())) {
            throw new ArgumentException("run starts a real run (side effects, costs tokens), so it is off by default; "
                    + "add --allow-runs or set AGENTOS_TRACES_ALLOW_RUNS=1.");
        }
        ConnectionOptions o = conn.resolve(ctx.env());
        Bounds.check("--wait", waitSeconds, 0, LatestTrace.MAX_WAIT_SECONDS);
        List<TraceRules.Rule> list = rules.rules();
        if (!check && (!list.isEmpty() || junit != null)) {
            throw new ArgumentException("Rule flags and --junit need --check: run ID MESSAGE --check --max-tokens 5000.");
        }
        if (check && list.isEmpty()) {
            list = List.of(TraceRules.rule(TraceRules.Type.NO_FAILED_SPANS, null));
        }
        AgentOsClient client = ctx.client(o);
        Catalog.Component target = Discovery.resolve(client, id, null);
        PrintWriter err = spec.commandLine().getErr();
        boolean live = ctx.stderrTerminal();
        Style style = ctx.colour() ? Style.ANSI : Style.PLAIN;
        Interrupt interrupt = new Interrupt();
        Thread hook = new Thread(interrupt::stop, "run-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        RunAgent.Result r;
        try {
            r = RunAgent.run(client, target, new AgentOsClient.RunRequest(message, sessionId, userId), waitSeconds,
                    ctx.clock(), ctx.sleeper(), interrupt, e -> {
                        if (live && !e.isContentDelta()) {
                            err.println(style.dim("· " + Terminal.escape(describe(e))));
                            err.flush();
                        }
                    });
        } finally {
            interrupt.done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this
            }
        }
        boolean ok = r.outcome().status().equals("COMPLETED");
        String text = Terminal.escape(RunView.text(r, Hints.CLI)); // data escaped: the check's colours stay
        Map<String, Object> structured = new LinkedHashMap<>(RunView.structured(r));
        if (check) {
            if (r.trace() == null) {
                text += "\ncheck: no trace to check (" + r.traceNote() + ")";
                structured.put("check", Map.of("passed", false, "reason", "no trace"));
                ok = false;
            } else {
                List<dev.agentos.traces.client.TraceDetail> traces = List.of(r.trace().trace());
                CheckTraces.Result c = new CheckTraces.Result(traces, TraceRules.evaluate(list, traces, Pricing.current()),
                        1, false);
                text += "\n" + CheckView.text(c, style);
                structured.put("check", CheckView.structured(c, Integer.MAX_VALUE));
                ok &= c.passed();
                if (junit != null) {
                    CheckCommand.writeJUnit(c, junit, ctx, 0);
                }
            }
        }
        if (json) {
            Output.print(spec.commandLine().getOut(), true, null, structured);
        } else {
            Output.styled(spec.commandLine().getOut(), text + "\n");
        }
        return ok ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static String describe(RunEvent e) {
        return e.event() + (e.toolName() != null ? " " + e.toolName() + (e.toolArgs() == null ? "" : e.toolArgs())
                : e.stepName() != null ? " " + e.stepName() : "");
    }

    /** Ctrl-C during a run: stop reading, let the run be cancelled on AgentOS, then let the JVM exit. */
    static final class Interrupt implements ScanControl {
        private volatile boolean stopped;
        final CountDownLatch done = new CountDownLatch(1);

        void stop() {
            stopped = true;
            try {
                done.await(5, TimeUnit.SECONDS); // time to send the cancel request
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean cancelled() {
            return stopped;
        }
    }
}
