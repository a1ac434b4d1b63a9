package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Tools → server. The same tool specifications serve every transport. */
public final class ServerAssembly {

    public static final String NAME = "agentos-traces-mcp";

    static final String INSTRUCTIONS = """
            Answers questions about the traces an Agno AgentOS recorded: one trace per agent, team or workflow run, \
            made of spans (AGENT, TEAM, WORKFLOW, LLM, TOOL). Start with list_traces (filters, sort by duration or \
            error_count), drill in with get_trace (span tree, errors, tokens; span_id for one span's full input and \
            output), count tokens with total_tokens (one trace or a filter; group_by model, agent, user, session, day) \
            and their estimated cost with token_cost, and see sessions with trace_stats. To answer questions across \
            many traces in one call: find_errors (what keeps failing), slow_spans (critical path of one trace, or \
            p50/p95 by span across traces), compare_traces (what changed between two runs), search_traces (filter \
            expressions) and latest_trace (the newest run, or wait for a run_id's trace). list_agents shows what \
            AgentOS serves; check_traces tests traces against rules. Times may be relative \
            (24h, 7d, today). A trace whose status is OK can still contain failed spans: look at error_count.""";

    static final Consumer<McpServer.SyncSpecification<?>> NO_EXTRAS = spec -> { };

    private ServerAssembly() {
    }

    /** The tools, over a client made on first use (after {@code initialize}, not at start-up). */
    static List<AgentOsTool> tools(Supplier<AgentOsClient> client, Clock clock) {
        return tools(client, clock, false);
    }

    /** @param allowRuns also {@code run_agent}, which runs agents (side effects, cost): only with --allow-runs */
    static List<AgentOsTool> tools(Supplier<AgentOsClient> client, Clock clock, boolean allowRuns) {
        List<AgentOsTool> tools = new ArrayList<>(List.of(new ListTracesTool(client, clock), new GetTraceTool(client, clock),
                new TraceStatsTool(client, clock), new TotalTokensTool(client, clock),
                new TokenCostTool(client, clock), new FindErrorsTool(client, clock), new SlowSpansTool(client, clock),
                new CompareTracesTool(client, clock), new SearchTracesTool(client, clock),
                new LatestTraceTool(client, clock), new ListAgentsTool(client, clock), new CheckTracesTool(client, clock)));
        if (allowRuns) {
            tools.add(new RunAgentTool(client, clock));
        }
        return List.copyOf(tools);
    }

    static McpSchema.ServerCapabilities capabilities(boolean logging) {
        McpSchema.ServerCapabilities.Builder b = McpSchema.ServerCapabilities.builder().tools(false)
                .resources(false, false).prompts(false).completions();
        return (logging ? b.logging() : b).build();
    }

    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(Json.MAPPER);
    }

    public static McpSyncServer build(McpServerTransportProvider transport, ConnectionOptions options, String version) {
        return build(transport, options, version, false);
    }

    public static McpSyncServer build(McpServerTransportProvider transport, ConnectionOptions options, String version,
            boolean allowRuns) {
        return build(transport, tools(lazy(options), Clock.systemUTC(), allowRuns), options, version, NO_EXTRAS);
    }

    /** A server over {@code transport} for the given tools (the same tool objects may serve several transports). */
    static McpSyncServer build(McpServerTransportProvider transport, List<AgentOsTool> tools, ConnectionOptions options,
            String version, Consumer<McpServer.SyncSpecification<?>> extras) {
        return configure(McpServer.sync(transport), tools, options, version, extras);
    }

    /** Streamable HTTP with sessions. */
    static McpSyncServer build(McpStreamableServerTransportProvider transport, List<AgentOsTool> tools,
            ConnectionOptions options, String version, Consumer<McpServer.SyncSpecification<?>> extras) {
        return configure(McpServer.sync(transport), tools, options, version, extras);
    }

    /** {@code extras} may add features (the conformance fixtures do, in tests); production passes a no-op. */
    private static McpSyncServer configure(McpServer.SyncSpecification<?> spec, List<AgentOsTool> tools,
            ConnectionOptions options, String version, Consumer<McpServer.SyncSpecification<?>> extras) {
        McpJsonMapper json = jsonMapper();
        List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
        for (AgentOsTool t : tools) {
            specs.add(t.specification(json));
        }
        Supplier<AgentOsClient> client = tools.get(0).clientSupplier();
        TraceResources resources = new TraceResources(client);
        TracePrompts prompts = new TracePrompts(client);
        spec.jsonMapper(json)
                .jsonSchemaValidator(new LazySchemaValidator())
                .serverInfo(NAME, version)
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities(true))
                .tools(specs)
                .resources(resources.specifications())
                .resourceTemplates(resources.templateSpecifications())
                .prompts(prompts.specifications())
                .completions(prompts.completions())
                .requestTimeout(requestTimeout(options));
        extras.accept(spec);
        return spec.build();
    }

    /** Stateless Streamable HTTP: no sessions, so replicas can sit behind a plain load balancer. */
    static McpStatelessSyncServer buildStateless(McpStatelessServerTransport transport, List<AgentOsTool> tools,
            ConnectionOptions options, String version) {
        McpJsonMapper json = jsonMapper();
        List<McpStatelessServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
        for (AgentOsTool t : tools) {
            specs.add(t.statelessSpecification(json));
        }
        Supplier<AgentOsClient> client = tools.get(0).clientSupplier();
        TraceResources resources = new TraceResources(client);
        TracePrompts prompts = new TracePrompts(client);
        return McpServer.sync(transport)
                .jsonMapper(json)
                .jsonSchemaValidator(new LazySchemaValidator())
                .serverInfo(NAME, version)
                .instructions(INSTRUCTIONS)
                .capabilities(capabilities(false)) // no session, no log level
                .tools(specs)
                .resources(resources.statelessSpecifications())
                .resourceTemplates(resources.statelessTemplateSpecifications())
                .prompts(prompts.statelessSpecifications())
                .completions(prompts.statelessCompletions())
                .requestTimeout(requestTimeout(options))
                .build();
    }

    private static Duration requestTimeout(ConnectionOptions options) {
        // a token scan makes many AgentOS requests; the protocol timeout must outlast a long one
        return options.requestTimeout().multipliedBy(4).plus(Duration.ofSeconds(30));
    }

    /** Serves MCP on stdin/stdout until stdin closes. Returns at once: the transport's thread keeps the JVM up. */
    public static McpSyncServer serveStdio(ConnectionOptions options, String version) {
        return serveStdio(options, version, false);
    }

    public static McpSyncServer serveStdio(ConnectionOptions options, String version, boolean allowRuns) {
        warmUp(version);
        EofDrain drain = new EofDrain();
        StdinGuard guard = new StdinGuard();
        return build(new StdioServerTransportProvider(jsonMapper(), guard.input(drain.input(System.in)),
                guard.output(drain.output(System.out))), options, version, allowRuns);
    }

    /**
     * While this thread builds the server (tool schemas, the SDK's session machinery), a second core reads and
     * answers a made-up {@code initialize} in memory, so Jackson's first-use set-up for the protocol's records is
     * done by the time the client's real one arrives. It writes nowhere. Measured: bench/stdio_probe.py.
     */
    private static void warmUp(String version) {
        Thread t = new Thread(() -> {
            try {
                McpJsonMapper m = jsonMapper();
                McpSchema.JSONRPCRequest r = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(m,
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"warm-up\",\"version\":\"0\"}}}");
                m.convertValue(r.params(), McpSchema.InitializeRequest.class);
                m.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", r.id(), new McpSchema.InitializeResult(
                        "2025-06-18", capabilities(true), new McpSchema.Implementation(NAME, version), INSTRUCTIONS), null));
            } catch (Exception | LinkageError ignored) {
                // only a warm-up: the real request is handled the same way either way
            }
        }, "warm-up");
        t.setDaemon(true);
        t.start();
    }

    static Supplier<AgentOsClient> lazy(ConnectionOptions options) {
        return new Supplier<>() {
            private volatile AgentOsClient client;

            @Override
            public AgentOsClient get() {
                AgentOsClient c = client;
                if (c == null) {
                    synchronized (this) {
                        if (client == null) {
                            client = AgentOsClient.create(options);
                        }
                        c = client;
                    }
                }
                return c;
            }
        };
    }
}
