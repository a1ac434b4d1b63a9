package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * What every command needs from outside: the environment, the clock, the terminal and a way to wait
 * (all injected by tests, which never really sleep).
 */
record Context(Map<String, String> env, Clock clock, Terminal terminal, Sleeper sleeper) {

    /** Waits; {@code list --watch} between rounds. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    /** Not on a terminal: no colour, no progress bar. */
    Context(Map<String, String> env, Clock clock) {
        this(env, clock, Terminal.PIPED);
    }

    Context(Map<String, String> env, Clock clock, Terminal terminal) {
        this(env, clock, terminal, Sleeper.REAL);
    }

    static Context system() {
        return new Context(System.getenv(), Clock.systemUTC(), Terminal.detect(), Sleeper.REAL);
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
