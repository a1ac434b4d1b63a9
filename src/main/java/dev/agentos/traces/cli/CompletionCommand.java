package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a completion script generated from the command definitions: bash (zsh loads it via bashcompinit) or fish. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {"Print a shell completion script, generated from the commands and flags.",
                "bash:  source <(agentos-traces-mcp completion)",
                "zsh:   autoload -U +X bashcompinit && bashcompinit && source <(agentos-traces-mcp completion)",
                "fish:  agentos-traces-mcp completion fish > ~/.config/fish/completions/agentos-traces-mcp.fish"})
final class CompletionCommand implements Callable<Integer> {

    static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = "bash", paramLabel = "SHELL",
            description = "bash (default), zsh (the bash script, via bashcompinit) or fish.")
    String shell;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        String script = switch (shell) {
            case "bash", "zsh" -> AutoComplete.bash("agentos-traces-mcp", root);
            case "fish" -> FishCompletion.script("agentos-traces-mcp", root);
            default -> throw new ArgumentException("SHELL must be one of " + String.join(", ", SHELLS) + ", not '"
                    + shell + "'.");
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
