package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** serve's fast parser and picocli agree on every serve flag, in both spellings. */
class ServeFastPathTest {

    final Context ctx = new Context(Map.of(), Clock.systemUTC());
    /** Flags that only matter with --transport http, which picocli always parses. */
    static final List<String> HTTP_ONLY = List.of("--host", "--port", "--stateless", "--allowed-host", "--allowed-origin",
            "--auth-token-file", "--allow-unauthenticated", "--session-idle-timeout", "--max-sessions");

    static String sample(OptionSpec o) {
        Class<?> t = o.type();
        if (t == Double.class || t == double.class || t == Integer.class || t == int.class) {
            return "7";
        }
        return o.longestName().equals("--transport") ? "stdio" : "value-for" + o.longestName();
    }

    static List<String> values(ServeCommand c) {
        return List.of(String.valueOf(c.conn.baseUrl), String.valueOf(c.conn.securityKeyFile),
                String.valueOf(c.conn.connectTimeout), String.valueOf(c.conn.timeout), String.valueOf(c.conn.dbId),
                String.valueOf(c.conn.concurrency), String.valueOf(c.conn.maxResponseMb), String.valueOf(c.conn.redact),
                String.valueOf(c.conn.pricingFile), String.valueOf(c.transport), String.valueOf(c.toolsets),
                String.valueOf(c.tools), String.valueOf(c.readOnly), String.valueOf(c.allowRuns));
    }

    @Test
    void everyServeFlagParsesAsPicocliParsesIt() {
        CommandLine.Model.CommandSpec spec = new CommandLine(new ServeCommand(ctx)).getCommandSpec();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || HTTP_ONLY.contains(o.longestName())) {
                continue;
            }
            boolean flag = o.type() == boolean.class || o.type() == Boolean.class;
            List<String[]> spellings = flag ? List.<String[]>of(new String[] {o.longestName()})
                    : List.of(new String[] {o.longestName(), sample(o)}, new String[] {o.longestName() + "=" + sample(o)});
            for (String[] args : spellings) {
                ServeCommand viaPicocli = new ServeCommand(ctx);
                new CommandLine(viaPicocli).parseArgs(args);
                ServeCommand fast = ServeFastPath.parse(args, ctx);
                assertNotNull(fast, "the fast path must know " + o.longestName());
                assertEquals(values(viaPicocli), values(fast), String.join(" ", args));
            }
        }
    }

    @Test
    void leavesHelpErrorsAndUnknownFlagsToPicocli() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--timeout", "soon"},
                new String[] {"--base-url"}, new String[] {"--no-such-flag"}, new String[] {"-h"},
                new String[] {"--timeout", "--base-url", "x"}, new String[] {"--transport", "http"},
                new String[] {"--transport=http", "--port", "1"}, new String[] {"--port", "1"})) {
            assertNull(ServeFastPath.parse(args, ctx), String.join(" ", args));
        }
        String[] all = {"--base-url", "http://h:1", "--db-id=db", "--transport", "stdio"};
        assertEquals(List.of("http://h:1", "null", "null", "null", "db", "null", "null", "false", "null", "stdio", "null",
                "null", "false", "false"), values(ServeFastPath.parse(all, ctx)));
    }
}
