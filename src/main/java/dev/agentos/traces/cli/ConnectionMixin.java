package dev.agentos.traces.cli;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.DatabaseOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where AgentOS is: the same flags for every command, server and CLI alike. */
final class ConnectionMixin {

    /** The command this mixin is part of; its parent's flags apply when not repeated here. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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

    @Option(names = "--max-response-mb", paramLabel = "MB",
            description = "Refuse AgentOS replies larger than this many megabytes (1 to 1024). Default: 64, or a "
                    + "tenth of the heap if less.")
    Integer maxResponseMb;

    @Option(names = "--redact", description = "Mask trace and span inputs and outputs (prompts, completions, tool "
            + "arguments and results) in everything shown, e.g. when they must not reach another model. "
            + "Also: AGENTOS_TRACES_REDACT=1.")
    boolean redact;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Read traces from AgentOS's own database, read-only: sqlite:/path/agno.db or "
                    + "postgresql://USER@HOST:5432/DB (password: $PGPASSWORD or --database-password-file). "
                    + "Default: $" + DatabaseOptions.ENV_URL + ".")
    String databaseUrl;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (never printed). Default: $PGPASSWORD.")
    Path databasePasswordFile;

    @Option(names = "--pricing-file", paramLabel = "FILE",
            description = "Token prices (per million tokens, by model) laid over the shipped table for token_cost; "
                    + "format: the agentos://pricing resource. Also: AGENTOS_TRACES_PRICING_FILE.")
    Path pricingFile;

    /**
     * The options, each from this command's flag, else from the same flag given before the subcommand
     * ({@code agentos-traces-mcp --base-url URL list}), else from the environment.
     */
    ConnectionOptions resolve(Map<String, String> env) {
        ConnectionMixin p = parent();
        ConnectionOptions o = ConnectionOptions.resolve(
                baseUrl != null ? baseUrl : p == null ? null : p.baseUrl,
                securityKeyFile != null ? securityKeyFile : p == null ? null : p.securityKeyFile,
                seconds("--connect-timeout", connectTimeout != null ? connectTimeout : p == null ? null : p.connectTimeout),
                seconds("--timeout", timeout != null ? timeout : p == null ? null : p.timeout),
                dbId != null ? dbId : p == null ? null : p.dbId, env);
        Integer n = concurrency != null ? concurrency : p == null ? null : p.concurrency;
        Integer mb = maxResponseMb != null ? maxResponseMb : p == null ? null : p.maxResponseMb;
        if (mb != null) {
            if (mb < 1 || mb > 1024) {
                throw new dev.agentos.traces.client.ArgumentException("--max-response-mb must be from 1 to 1024, not " + mb + ".");
            }
            o = o.withMaxBodyBytes(mb * 1024L * 1024L);
        }
        Path prices = pricingFile != null ? pricingFile : p != null && p.pricingFile != null ? p.pricingFile
                : env.get("AGENTOS_TRACES_PRICING_FILE") == null || env.get("AGENTOS_TRACES_PRICING_FILE").isBlank() ? null
                : Path.of(env.get("AGENTOS_TRACES_PRICING_FILE").strip());
        if (prices != null) {
            Pricing.useFile(prices); // read now: a bad file stops start-up with its reason
        }
        DatabaseOptions db = DatabaseOptions.resolve(databaseUrl != null ? databaseUrl : p == null ? null : p.databaseUrl,
                databasePasswordFile != null ? databasePasswordFile : p == null ? null : p.databasePasswordFile, env);
        if (db != null) {
            o = o.withDatabase(db);
        }
        if (redact || p != null && p.redact) {
            o = o.withRedaction(true);
        }
        return n == null ? o : o.withConcurrency(n);
    }

    private ConnectionMixin parent() {
        CommandSpec parent = mixee == null ? null : mixee.parent();
        if (parent == null) {
            return null;
        }
        CommandSpec m = parent.mixins().get("conn");
        return m != null && m.userObject() instanceof ConnectionMixin c ? c : null;
    }

    private static Duration seconds(String flag, Double s) {
        if (s == null) {
            return null;
        }
        if (!(s >= 0.001) || s > 86_400) {
            throw new dev.agentos.traces.client.ArgumentException(flag + " must be from 0.001 to 86400 seconds, not "
                    + (Double.isFinite(s) ? java.math.BigDecimal.valueOf(s).stripTrailingZeros().toPlainString() : s)
                    + " (there is no 'no timeout'; 86400 waits a day).");
        }
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }
}
