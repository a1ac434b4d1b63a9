package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The two things the CLI does to start faster must not change what it does: building only the named subcommand,
 * and the launcher's training run ({@code __train}) that its class-data archive comes from.
 */
class StartupPathsTest {

    private final Context ctx = new Context(Map.of(), Clock.systemUTC());

    @Test
    void aSubcommandBuiltAloneHelpsAndRefusesExactlyAsInTheWholeTree() {
        for (String name : Main.SUBCOMMANDS) {
            CommandLine alone = Main.tree(new String[] {name}, ctx);
            CommandLine whole = Main.addSubcommands(new CommandLine(new RootCommand(ctx)), ctx);
            if (name.equals("completion")) {
                assertEquals(whole.getSubcommands().keySet(), alone.getSubcommands().keySet(),
                        "completion lists every command, so it gets the whole tree");
                continue;
            }
            assertEquals(1, alone.getSubcommands().size(), name + " is built alone");
            assertEquals(whole.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF),
                    alone.getSubcommands().get(name).getUsageMessage(CommandLine.Help.Ansi.OFF), name + " --help");
        }
        assertEquals(Main.SUBCOMMANDS, java.util.List.copyOf(Main.tree(new String[] {"--help"}, ctx).getSubcommands().keySet()),
                "top-level help lists every subcommand, in order");
        assertEquals(Main.SUBCOMMANDS.size(), Main.tree(new String[] {"lsit"}, ctx).getSubcommands().size(),
                "a typo gets the whole tree, for its suggestion");
    }

    @Test
    void aMistakeInASubcommandBuiltAloneReadsAsBefore() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"list", "--limt", "3"}, ctx, new PrintWriter(new StringWriter()), new PrintWriter(err), false);
        assertEquals(ExitCodes.USAGE, code);
        assertTrue(err.toString().startsWith("error: Unknown options: '--limt', '3'"), err.toString());
        assertTrue(err.toString().contains("did you mean --limit?"), err.toString());
        assertTrue(err.toString().contains("(see: agentos-traces-mcp list --help)"), err.toString());
        err = new StringWriter();
        assertEquals(ExitCodes.USAGE, Main.run(new String[] {"lsit"}, ctx, new PrintWriter(new StringWriter()), new PrintWriter(err), false));
        assertEquals("error: Unmatched argument at index 0: 'lsit' (see: agentos-traces-mcp --help)", err.toString().strip());
    }

    @Test
    void theTrainingRunDrivesEveryCliFaceItArchivesAndPrintsNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {Training.COMMAND}, Context.system(), new PrintWriter(out), new PrintWriter(err), false);
        // list, list --json, get, stats and tokens each succeeded against the in-process stand-in, and each of its
        // routes was reached (Training fails otherwise): an archive from a run that broke half-way would hold little
        assertEquals(0, code, err.toString());
        assertEquals("", out.toString());
        assertEquals("", err.toString());
    }
}
