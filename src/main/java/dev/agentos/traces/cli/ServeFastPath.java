package dev.agentos.traces.cli;

import java.nio.file.Path;

/**
 * Parses {@code serve}'s flags without building picocli's command model: picocli's ~170 classes are
 * Java 5 bytecode, which a class-data archive cannot hold, and stdio start-up is what MCP clients wait
 * for. Anything it does not know (help, a bad value, a new flag) returns null and picocli handles it,
 * so behaviour never differs; ServeFastPathTest checks that both parse every stdio serve flag alike.
 * HTTP serving ({@code --transport http} and its flags) always goes through picocli.
 */
final class ServeFastPath {

    private ServeFastPath() {
    }

    /** The configured command, or null when picocli should parse these arguments. */
    static ServeCommand parse(String[] args, Context ctx) {
        ServeCommand c = new ServeCommand(ctx);
        c.conn = new ConnectionMixin();
        c.transport = "stdio";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[i + 1];
            }
            if (eq < 0 && (name.equals("--redact") || name.equals("--read-only") || name.equals("--allow-runs"))) {
                switch (name) { // flags: take no value
                    case "--redact" -> c.conn.redact = true;
                    case "--read-only" -> c.readOnly = true;
                    default -> c.allowRuns = true;
                }
                continue;
            }
            boolean consumed = eq < 0;
            if (name.equals("--transport") && !"stdio".equals(value)) {
                return null; // http start-up is not on a client's critical path: picocli parses it
            }
            try {
                switch (name) {
                    case "--base-url" -> c.conn.baseUrl = required(value);
                    case "--security-key-file" -> c.conn.securityKeyFile = Path.of(required(value));
                    case "--connect-timeout" -> c.conn.connectTimeout = Double.valueOf(required(value));
                    case "--timeout" -> c.conn.timeout = Double.valueOf(required(value));
                    case "--db-id" -> c.conn.dbId = required(value);
                    case "--concurrency" -> c.conn.concurrency = Integer.valueOf(required(value));
                    case "--max-response-mb" -> c.conn.maxResponseMb = Integer.valueOf(required(value));
                    case "--pricing-file" -> c.conn.pricingFile = Path.of(required(value));
                    case "--database-url" -> c.conn.databaseUrl = required(value);
                    case "--database-password-file" -> c.conn.databasePasswordFile = Path.of(required(value));
                    case "--transport" -> c.transport = required(value);
                    case "--toolsets" -> c.toolsets = required(value);
                    case "--tools" -> c.tools = required(value);
                    default -> {
                        return null;
                    }
                }
            } catch (RuntimeException unparseable) {
                return null;
            }
            if (consumed) {
                i++;
            }
        }
        return c;
    }

    private static String required(String value) {
        if (value == null || value.startsWith("-") && value.length() > 1 && !Character.isDigit(value.charAt(1))) {
            throw new IllegalArgumentException("missing value");
        }
        return value;
    }
}
