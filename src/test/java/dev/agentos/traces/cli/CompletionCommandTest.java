package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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

    private static CliRun.Result completion(String... args) {
        return CliRun.run(Map.of(), args);
    }

    /** The script's lines for one condition ({@code __fish_use_subcommand} or {@code __fish_seen_subcommand_from X}). */
    private static List<String> linesFor(String script, String condition) {
        return script.lines().filter(l -> l.startsWith("complete -c agentos-traces-mcp -n '" + condition + "' ")).toList();
    }

    private static void assertEveryOption(String script, String condition, CommandSpec spec) {
        List<String> lines = linesFor(script, condition);
        for (OptionSpec o : spec.options()) {
            String longName = o.longestName();
            String flag = longName.startsWith("--") ? " -l " + longName.substring(2) + " " : " -s " + longName.substring(1) + " ";
            if (o.hidden()) { // test hooks are not offered
                assertFalse(lines.stream().anyMatch(l -> l.contains(flag)), condition + " offers hidden " + longName);
                continue;
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains(flag)), condition + " lacks " + longName);
            String line = lines.stream().filter(l -> l.contains(flag)).findFirst().orElseThrow();
            assertEquals(o.arity().max() > 0, line.contains(" -r"), line);
            assertTrue(line.matches(".* -d '.+'$"), "a description: " + line);
        }
    }

    @Test
    void fishScriptNamesEverySubcommandAndEveryOptionFromTheDefinitions() {
        CliRun.Result r = completion("completion", "fish");
        assertEquals(0, r.code(), r::toString);
        String script = r.out();
        // the definitions as Main builds them, walked independently of the generator
        StringWriter sink = new StringWriter();
        CommandLine root = new CommandLine(new RootCommand(new Context(Map.of(), CliRun.CLOCK)))
                .addSubcommand("list", new ListCommand(null)).addSubcommand("get", new GetCommand(null))
                .addSubcommand("stats", new StatsCommand(null)).addSubcommand("tokens", new TokensCommand(null))
                .addSubcommand("serve", new ServeCommand(null)).addSubcommand("completion", new CompletionCommand());
        root.setOut(new PrintWriter(sink));
        assertEquals(List.of("list", "get", "stats", "tokens", "serve", "completion"),
                List.copyOf(root.getSubcommands().keySet()));
        List<String> top = linesFor(script, "__fish_use_subcommand");
        for (var sub : root.getSubcommands().entrySet()) {
            String description = sub.getValue().getCommandSpec().usageMessage().description()[0];
            assertTrue(top.stream().anyMatch(l -> l.contains(" -a '" + sub.getKey() + "' -d '")
                    && description.startsWith(l.replaceAll(".* -d '(.*)'$", "$1").replace("\\'", "'"))),
                    "no subcommand line with its description for " + sub.getKey() + "\n" + script);
            assertEveryOption(script, "__fish_seen_subcommand_from " + sub.getKey(), sub.getValue().getCommandSpec());
        }
        assertEveryOption(script, "__fish_use_subcommand", root.getCommandSpec());
        // files for file options, nothing offered for free text
        assertTrue(script.contains("-l security-key-file -r -F "), script);
        assertTrue(script.contains("complete -c agentos-traces-mcp -f\n"), script);
        assertTrue(script.contains("-n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'"), script);
    }

    @Test
    void bashIsTheDefaultAndAnUnknownShellIsAUsageError() {
        CliRun.Result bash = completion("completion", "bash");
        assertEquals(0, bash.code(), bash::toString);
        assertEquals(completion("completion").out(), bash.out());
        assertTrue(bash.out().contains("_complete_agentos-traces-mcp"), bash.out());
        CliRun.Result bad = completion("completion", "tcsh");
        assertEquals(ExitCodes.USAGE, bad.code(), bad::toString);
        assertTrue(bad.err().startsWith("error: SHELL must be one of bash, zsh, fish, not 'tcsh'."), bad::toString);
    }

    /** Real fish, where installed: the script loads, and completing asks it for subcommands and flags. */
    @Test
    void fishCompletesSubcommandsAndFlags(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path fish = java.nio.file.Path.of("/usr/bin/fish");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(fish), "fish is not installed");
        java.nio.file.Path script = dir.resolve("agentos-traces-mcp.fish");
        java.nio.file.Files.writeString(script, completion("completion", "fish").out());
        String out = runFish(fish, dir, "source " + script + "; complete -C 'agentos-traces-mcp '; echo ---; "
                + "complete -C 'agentos-traces-mcp list --sort-'; echo ---; complete -C 'agentos-traces-mcp completion '");
        String[] parts = out.split("---\n");
        assertEquals(3, parts.length, out);
        List<String> subs = parts[0].lines().map(l -> l.split("\t")[0]).toList();
        assertTrue(subs.containsAll(List.of("list", "get", "stats", "tokens", "serve", "completion")), out);
        assertTrue(parts[0].contains("list\tList traces"), out);
        assertEquals(List.of("--sort-by", "--sort-order"), parts[1].lines().map(l -> l.split("\t")[0]).sorted().toList(), out);
        assertEquals(List.of("bash", "fish", "zsh"), parts[2].lines().map(l -> l.split("\t")[0]).sorted().toList(), out);
    }

    private static String runFish(java.nio.file.Path fish, java.nio.file.Path home, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(fish.toString(), "--no-config", "-c", command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "fish did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
