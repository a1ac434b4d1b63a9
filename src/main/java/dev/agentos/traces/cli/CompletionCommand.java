package dev.agentos.traces.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a completion script generated from the command definitions (bash; zsh loads it via bashcompinit). */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = {"Print a shell completion script, generated from the commands and flags.",
                "bash:  source <(agentos-traces-mcp completion)",
                "zsh:   autoload -U +X bashcompinit && bashcompinit && source <(agentos-traces-mcp completion)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("agentos-traces-mcp", root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
