package dev.agentos.traces.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point. {@code serve} (and no arguments at all when not on a terminal, which is how MCP clients
 * launch us) builds only the serve command, so the stdio start-up does not pay for the whole CLI.
 */
public final class Main {

    /** Returned by {@code serve}: the server runs on its own threads; do not exit. */
    static final int KEEP_RUNNING = -1;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, Context.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.console() != null);
        if (code != KEEP_RUNNING) {
            System.exit(code); // also skips the JDK's HTTP keep-alive thread linger
        }
    }

    /** Every subcommand's name, in the order help lists them. */
    static final java.util.List<String> SUBCOMMANDS = java.util.List.of("list", "get", "stats", "tokens", "cost", "errors",
            "slow", "anomalies", "trend", "compare", "search", "latest", "agents", "run", "check", "watch", "serve", "completion");

    static Object subcommand(String name, Context ctx) {
        return switch (name) {
            case "list" -> new ListCommand(ctx);
            case "get" -> new GetCommand(ctx);
            case "stats" -> new StatsCommand(ctx);
            case "tokens" -> new TokensCommand(ctx);
            case "cost" -> new CostCommand(ctx);
            case "errors" -> new ErrorsCommand(ctx);
            case "slow" -> new SlowCommand(ctx);
            case "anomalies" -> new AnomaliesCommand(ctx);
            case "trend" -> new TrendCommand(ctx);
            case "compare" -> new CompareCommand(ctx);
            case "search" -> new SearchCommand(ctx);
            case "latest" -> new LatestCommand(ctx);
            case "agents" -> new AgentsCommand(ctx);
            case "run" -> new RunCommand(ctx);
            case "check" -> new CheckCommand(ctx);
            case "watch" -> new WatchCommand(ctx);
            case "serve" -> new ServeCommand(ctx);
            case "completion" -> new CompletionCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Every subcommand, in the order help lists them. */
    static CommandLine addSubcommands(CommandLine root, Context ctx) {
        for (String name : SUBCOMMANDS) {
            root.addSubcommand(name, subcommand(name, ctx));
        }
        return root;
    }

    /**
     * The command tree for these arguments. When they start with a subcommand's name, only that subcommand is built:
     * picocli reads every command's annotations when it is added (about 40 ms for all twelve on a cold JVM), and
     * nothing a subcommand parses or prints depends on its siblings. Anything else (help, a typo that wants a
     * "did you mean", {@code completion}, which lists them all) gets the whole tree.
     */
    static CommandLine tree(String[] args, Context ctx) {
        CommandLine root = new CommandLine(new RootCommand(ctx));
        if (args.length > 0 && !args[0].equals("completion") && SUBCOMMANDS.contains(args[0])) {
            return root.addSubcommand(args[0], subcommand(args[0], ctx));
        }
        return addSubcommands(root, ctx);
    }

    static int run(String[] args, Context ctx, PrintWriter out, PrintWriter err, boolean interactive) {
        if (args.length == 1 && args[0].equals(Training.COMMAND)) {
            return Training.run(err); // the launcher's CLI archive: see Training
        }
        boolean serve = args.length > 0 ? args[0].equals("serve") : !interactive;
        CommandLine cl;
        String[] rest = args;
        if (serve) {
            rest = args.length > 0 ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
            ServeCommand fast = ServeFastPath.parse(rest, ctx);
            if (fast != null) {
                try {
                    return fast.call();
                } catch (Exception e) {
                    return report(e, err);
                }
            }
            cl = new CommandLine(new ServeCommand(ctx)).setCommandName("agentos-traces-mcp serve");
        } else {
            cl = tree(args, ctx);
            CommandLine root = cl;
            cl.setExecutionStrategy(parseResult -> {
                if (parseResult.hasSubcommand()) {
                    for (String flag : RootCommand.OWN_FLAGS) {
                        if (parseResult.hasMatchedOption(flag)) {
                            throw new CommandLine.ParameterException(root, flag + " before a subcommand has no effect; "
                                    + "give the subcommand's own flags after it (e.g. agentos-traces-mcp "
                                    + parseResult.subcommand().commandSpec().name() + " --json).");
                        }
                    }
                }
                return new CommandLine.RunLast().execute(parseResult);
            });
        }
        cl.setOut(out).setErr(err)
                .setParameterExceptionHandler((e, arguments) -> {
                    // one line, like every other error; the usage text is one --help away
                    StringBuilder line = new StringBuilder("error: ").append(oneLine(e.getMessage()));
                    if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                            && u.getSuggestions().size() <= 3) {
                        line.append("; did you mean ").append(String.join(" or ", u.getSuggestions())).append('?');
                    }
                    line.append(" (see: ").append(e.getCommandLine().getCommandSpec().qualifiedName()).append(" --help)");
                    err.println(line);
                    err.flush();
                    return ExitCodes.USAGE;
                })
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err));
        try {
            return cl.execute(rest);
        } catch (OutOfMemoryError e) {
            // picocli hands on Errors; what the command held is garbage now, so one line can still be printed
            err.println("error: ran out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap); "
                    + "ask for fewer traces (--max-traces, a narrower --since/--until) or give the JVM more heap "
                    + "(JAVA_OPTS=-Xmx1g).");
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** One line on stderr, never a stack trace; the exit code says what kind of failure. */
    static int report(Exception e, PrintWriter err) {
        int code = ExitCodes.of(e);
        if (code == ExitCodes.INTERNAL) {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
                    + " (a bug in agentos-traces-mcp; please report it)");
        } else {
            err.println("error: " + oneLine(e.getMessage()));
        }
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return message == null ? "" : dev.agentos.traces.render.Terminal.escape(
                message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }
}
