package dev.agentos.traces.cli;

import dev.agentos.traces.client.ConnectionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where AgentOS is: the same flags for every command, server and CLI alike. */
final class ConnectionMixin {

    @Option(names = "--base-url", paramLabel = "URL",
            description = "AgentOS address. Default: $AGENTOS_URL, else " + ConnectionOptions.DEFAULT_URL + ".")
    String baseUrl;

    @Option(names = "--security-key-file", paramLabel = "FILE",
            description = "File holding the AgentOS security key. Default: $AGENTOS_SECURITY_KEY, else $OS_SECURITY_KEY. "
                    + "The key is sent as 'Authorization: Bearer <key>' and never printed.")
    Path securityKeyFile;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "Seconds to wait for a connection to AgentOS. Default: 5.")
    Double connectTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Seconds to wait for each AgentOS reply. Default: 30.")
    Double timeout;

    @Option(names = "--db-id", paramLabel = "ID",
            description = "AgentOS database id, when it has several. Default: $AGENTOS_DB_ID.")
    String dbId;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests at once when traces must be fetched one by one (AgentOS without POST /traces/search). "
                    + "Default: " + ConnectionOptions.DEFAULT_CONCURRENCY + ".")
    Integer concurrency;

    ConnectionOptions resolve(Map<String, String> env) {
        ConnectionOptions o = ConnectionOptions.resolve(baseUrl, securityKeyFile, seconds(connectTimeout), seconds(timeout),
                dbId, env);
        return concurrency == null ? o : o.withConcurrency(concurrency);
    }

    private static Duration seconds(Double s) {
        if (s == null) {
            return null;
        }
        if (!(s > 0) || s > 86_400) {
            throw new dev.agentos.traces.client.ArgumentException("timeouts must be between 0 and 86400 seconds.");
        }
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }
}
