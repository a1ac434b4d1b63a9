package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.mcp.HttpServer;
import dev.agentos.traces.mcp.ServerAssembly;
import dev.agentos.traces.mcp.ToolSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = RootCommand.Version.class,
        description = {"Serve the MCP tools.",
                "stdio (default): JSON-RPC on stdin/stdout until stdin closes; this is what MCP clients launch.",
                "http: Streamable HTTP at /mcp and legacy SSE at /sse + /message (or stateless /mcp), GET /healthz."})
final class ServeCommand implements Callable<Integer> {

    private final Context ctx;

    @Mixin
    ConnectionMixin conn;

    @Option(names = "--transport", defaultValue = "stdio", paramLabel = "stdio|http",
            description = "Transport. Default: ${DEFAULT-VALUE}.")
    String transport;

    @Option(names = "--toolsets", paramLabel = "SET,...", description = "Tools to offer, by toolset: traces, explore, tokens, "
            + "diagnose, runs, all, default (= traces,tokens,diagnose). Default: $" + ToolSelection.ENV_TOOLSETS
            + ", else default.")
    String toolsets;

    @Option(names = "--tools", paramLabel = "NAME,...", description = "Also offer these tools by name (alone: only them).")
    String tools;

    @Option(names = "--read-only", description = "Offer no tool with side effects, whatever else is chosen.")
    boolean readOnly;

    @Option(names = "--allow-runs", description = "Offer the tools that run agents (side effects, cost) in the chosen "
            + "toolsets. Default: $" + ToolSelection.ENV_ALLOW_RUNS + ".")
    boolean allowRuns;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "http: address to bind. Default: ${DEFAULT-VALUE}. A non-loopback address needs an auth token.")
    String host;

    @Option(names = "--port", defaultValue = "" + HttpServer.Options.DEFAULT_PORT,
            description = "http: port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--stateless", description = "http: Streamable HTTP without sessions (for several replicas behind a "
            + "plain load balancer); no SSE endpoints.")
    boolean stateless;

    @Option(names = "--allowed-host", paramLabel = "HOST[:PORT]",
            description = "http: also accept this Host header (repeatable; localhost and the bind address always are).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN",
            description = "http: also accept this browser Origin, e.g. https://app.example.com (repeatable).")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--auth-token-file", paramLabel = "FILE",
            description = "http: MCP clients must send 'Authorization: Bearer <token in FILE>'. Default: $MCP_AUTH_TOKEN.")
    Path authTokenFile;

    @Option(names = "--allow-unauthenticated",
            description = "http: allow a non-loopback bind without an auth token (a proxy in front authenticates).")
    boolean allowUnauthenticated;

    @Option(names = "--session-idle-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "http: close a session idle this long (no request, no open stream); it may live up to twice as "
                    + "long. Default: ${DEFAULT-VALUE}.")
    long sessionIdleSeconds;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "" + HttpServer.Options.DEFAULT_MAX_SESSIONS,
            description = "http: refuse new sessions past this many. Default: ${DEFAULT-VALUE}.")
    int maxSessions;

    ServeCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ConnectionOptions o = conn.resolve(ctx.env());
        ToolSelection selection = selection();
        if (o.database() != null) {
            dev.agentos.traces.db.TraceDatabase.check(o); // a missing or foreign schema stops start-up with its reason
        }
        switch (transport) {
            case "stdio" -> {
                ServerAssembly.serveStdio(o, selection, Context.version());
                return Main.KEEP_RUNNING;
            }
            case "http" -> {
                HttpServer server = HttpServer.start(httpOptions(), o, selection, Context.version());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mcp-http-shutdown"));
                System.err.println("agentos-traces-mcp: serving MCP on http://" + host + ":" + server.port()
                        + (stateless ? "/mcp (stateless)" : "/mcp and /sse") + " for AgentOS at " + o.baseUrl());
                return Main.KEEP_RUNNING;
            }
            default -> throw new ArgumentException("--transport must be stdio or http, not '" + transport + "'.");
        }
    }

    /** The tools to offer; unknown names are refused here, before anything starts. */
    ToolSelection selection() {
        return ToolSelection.parse(toolsets, tools, readOnly, allowRuns, ctx.env());
    }

    HttpServer.Options httpOptions() {
        if (port < 0 || port > 65535) {
            throw new ArgumentException("--port must be from 0 to 65535, not " + port + ".");
        }
        String token = null;
        if (authTokenFile != null) {
            try {
                token = Files.readString(authTokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ArgumentException("Cannot read the auth token file " + authTokenFile + "; check --auth-token-file.");
            }
        } else if (ctx.env().get("MCP_AUTH_TOKEN") != null && !ctx.env().get("MCP_AUTH_TOKEN").isBlank()) {
            token = ctx.env().get("MCP_AUTH_TOKEN").strip();
        }
        if (token != null && token.length() < 16) {
            throw new ArgumentException("The MCP auth token must be at least 16 characters long.");
        }
        if (sessionIdleSeconds < 1 || sessionIdleSeconds > 86_400) {
            throw new ArgumentException("--session-idle-timeout must be from 1 to 86400 seconds, not " + sessionIdleSeconds + ".");
        }
        if (maxSessions < 1) {
            throw new ArgumentException("--max-sessions must be at least 1, not " + maxSessions + ".");
        }
        dev.agentos.traces.client.Secrets.register(token); // never echoed back from an upstream error body
        HttpServer.Options d = HttpServer.Options.defaults(host, port);
        return new HttpServer.Options(host, port, stateless, List.copyOf(allowedHosts), List.copyOf(allowedOrigins), token,
                allowUnauthenticated, d.maxRequestBytes(), d.keepAlive(), d.idleTimeout(), d.shutdownTimeout())
                .withSessions(java.time.Duration.ofSeconds(sessionIdleSeconds), maxSessions);
    }
}
