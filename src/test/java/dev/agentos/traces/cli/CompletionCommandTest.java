package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The completion script comes from the real command definitions, so it knows every command and flag. */
class CompletionCommandTest {

    @Test
    void scriptKnowsEveryCommandAndTheirFlags() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"completion"}, new Context(Map.of(), Clock.systemUTC()), new PrintWriter(out),
                new PrintWriter(new StringWriter()), true);
        assertEquals(0, code);
        String script = out.toString();
        assertTrue(script.contains("complete -F _complete_agentos-traces-mcp") || script.contains("_complete_agentos-traces-mcp"));
        for (String word : List.of("list", "get", "stats", "tokens", "serve", "--sort-by", "--span-id", "--max-traces",
                "--transport", "--base-url")) {
            assertTrue(script.contains(word), "completion lacks " + word);
        }
    }

    @Test
    void fishScriptNamesEverySubcommandAndEveryOption() {
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"completion", "fish"}, new Context(Map.of(), Clock.systemUTC()),
                new PrintWriter(out), new PrintWriter(new StringWriter()), true);
        assertEquals(0, code);
        String script = out.toString();
        picocli.CommandLine root = new picocli.CommandLine(new RootCommand(new Context(Map.of(), Clock.systemUTC())));
        Main.addSubcommands(root, new Context(Map.of(), Clock.systemUTC()));
        for (picocli.CommandLine sub : root.getSubcommands().values()) {
            String name = sub.getCommandSpec().name();
            assertTrue(script.contains("-n __fish_use_subcommand -a " + name + " -d '"), "fish lacks " + name);
            for (picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                String longName = o.longestName();
                if (longName.startsWith("--") && !o.hidden()) {
                    String prefix = "complete -c agentos-traces-mcp -n '__fish_seen_subcommand_from " + name + "' ";
                    assertTrue(script.lines().anyMatch(l -> l.startsWith(prefix)
                            && (l + " ").contains(" -l " + longName.substring(2) + " ")), "fish lacks " + name + " " + longName);
                }
            }
        }
        assertTrue(script.contains("-l pricing-file -r -F"), "file flags complete file names");
        assertEquals(2, Main.run(new String[] {"completion", "powershell"}, new Context(Map.of(), Clock.systemUTC()),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), true));
    }
}
