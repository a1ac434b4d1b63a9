package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a completion script generated from the command definitions: bash, zsh (via bashcompinit) or fish. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {"Print a shell completion script, generated from the commands and flags.",
                "bash:  source <(agentos-traces-mcp completion)",
                "zsh:   autoload -U +X bashcompinit && bashcompinit && source <(agentos-traces-mcp completion zsh)",
                "fish:  agentos-traces-mcp completion fish > ~/.config/fish/completions/agentos-traces-mcp.fish"})
final class CompletionCommand implements Callable<Integer> {

    static final String NAME = "agentos-traces-mcp";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash (default), zsh or fish.")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        String script = switch (shell.strip().toLowerCase(Locale.ROOT)) {
            case "bash", "zsh" -> AutoComplete.bash(NAME, root);
            case "fish" -> fish(root.getCommandSpec());
            default -> throw new ArgumentException("completion knows bash, zsh and fish, not '" + shell.strip() + "'.");
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** fish: one {@code complete} line per subcommand and per option of each command. */
    static String fish(CommandSpec root) {
        StringBuilder b = new StringBuilder("# fish completion for ").append(NAME)
                .append(", generated from its command definitions\n");
        b.append("complete -c ").append(NAME).append(" -f\n");
        for (OptionSpec o : root.options()) {
            option(b, "__fish_use_subcommand", o);
        }
        for (CommandLine sub : root.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            b.append("complete -c ").append(NAME).append(" -n __fish_use_subcommand -a ").append(s.name())
                    .append(" -d ").append(quote(first(s.usageMessage().description()))).append('\n');
            for (OptionSpec o : s.options()) {
                option(b, "'__fish_seen_subcommand_from " + s.name() + "'", o);
            }
        }
        return b.toString();
    }

    private static void option(StringBuilder b, String condition, OptionSpec o) {
        if (o.hidden()) {
            return;
        }
        b.append("complete -c ").append(NAME).append(" -n ").append(condition);
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                b.append(" -l ").append(n.substring(2));
            } else if (n.startsWith("-") && n.length() == 2) {
                b.append(" -s ").append(n.charAt(1));
            }
        }
        if (o.arity().max() > 0) {
            b.append(Path.class.isAssignableFrom(o.type()) ? " -r -F" : " -r");
        }
        b.append(" -d ").append(quote(first(o.description()))).append('\n');
    }

    private static String first(String[] lines) {
        if (lines == null || lines.length == 0) {
            return "";
        }
        String s = lines[0].replaceAll("\\$\\{[A-Z-]+}", "").strip();
        int dot = s.indexOf(". ");
        return dot > 0 ? s.substring(0, dot) : s;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
