package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.query.LatestTrace;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/**
 * What every command needs from outside: the environment, the clock and whether a person is watching a
 * terminal (injected by tests).
 */
record Context(Map<String, String> env, Clock clock, boolean terminal, LatestTrace.Sleeper sleeper,
        boolean stderrTerminal) {

    /** stderr taken to be where stdout is (tests; the real process asks the OS in {@link #system()}). */
    Context(Map<String, String> env, Clock clock, boolean terminal, LatestTrace.Sleeper sleeper) {
        this(env, clock, terminal, sleeper, terminal);
    }

    Context(Map<String, String> env, Clock clock) {
        this(env, clock, false);
    }

    Context(Map<String, String> env, Clock clock, boolean terminal) {
        this(env, clock, terminal, LatestTrace.Sleeper.REAL);
    }

    static Context system() {
        boolean console = System.console() != null;
        return new Context(System.getenv(), Clock.systemUTC(), console, LatestTrace.Sleeper.REAL,
                console && !stderrRedirected());
    }

    /**
     * Whether fd 2 is known not to be a terminal: the console says stdin and stdout are, but {@code 2> file}
     * must not fill the file with progress bars. Linux names the device in /proc/self/fd/2; elsewhere we
     * cannot tell and take stderr to be where stdout is.
     */
    static boolean stderrRedirected() {
        java.nio.file.Path fd = java.nio.file.Path.of("/proc/self/fd/2");
        try {
            if (!java.nio.file.Files.isSymbolicLink(fd)) {
                return false;
            }
            String target = java.nio.file.Files.readSymbolicLink(fd).toString();
            return !(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console"));
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the terminal can show box-drawing characters (else ASCII stands in). */
    boolean utf8() {
        java.io.Console c = System.console();
        java.nio.charset.Charset cs = c != null ? c.charset() : java.nio.charset.Charset.defaultCharset();
        return cs.name().toUpperCase(java.util.Locale.ROOT).startsWith("UTF");
    }

    /**
     * Colour for text meant for a person: on a terminal unless NO_COLOR is set (no-color.org) or TERM is dumb;
     * AGENTOS_TRACES_COLOR=always|never overrides.
     */
    boolean colour() {
        String force = env.getOrDefault("AGENTOS_TRACES_COLOR", "auto").strip().toLowerCase(java.util.Locale.ROOT);
        if (force.equals("always")) {
            return true;
        }
        if (force.equals("never")) {
            return false;
        }
        String noColor = env.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    AgentOsClient client(ConnectionOptions options) {
        return AgentOsClient.create(options);
    }

    static String version() {
        try (InputStream in = Context.class.getResourceAsStream("/agentos-traces-mcp.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
