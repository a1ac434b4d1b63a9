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
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** Tools → server. The same parts serve every transport; only the SDK's spec types differ. */
public final class ServerAssembly {

    public static final String NAME = "agentos-traces-mcp";

    static final String INSTRUCTIONS = """
            Answers questions about the traces an Agno AgentOS recorded (one per agent, team or workflow run; spans \
            AGENT, TEAM, WORKFLOW, LLM, TOOL). Times may be relative (24h, 7d, today). A trace whose status is OK can \
            still contain failed spans: look at error_count.""";

    /** The instructions, naming only tools the server offers. */
    static String instructions(List<AgentOsTool> tools) {
        Set<String> on = new HashSet<>();
        tools.forEach(t -> on.add(t.name()));
        List<String> answers = new ArrayList<>();
        for (String n : List.of("find_errors", "slow_spans", "total_tokens", "token_cost", "compare_traces")) {
            if (on.contains(n)) {
                answers.add(n);
            }
        }
        String start = on.contains("list_traces") && on.contains("get_trace")
                ? " Start with list_traces, drill in with get_trace." : "";
        String across = answers.isEmpty() ? "" : " " + String.join(", ", answers) + " answer across traces in one call.";
        return INSTRUCTIONS + start + across;
    }

    static final Consumer<McpServer.SyncSpecification<?>> NO_EXTRAS = spec -> { };

    /** Runs a tool call; the stdio transport wraps it to know when calls are in flight. */
    interface CallWrapper extends Function<Supplier<CallToolResult>, CallToolResult> {
        CallWrapper DIRECT = Supplier::get;
    }

    private ServerAssembly() {
    }

    /** Every registered tool (those that write too), over {@code client}: for tests and snapshots. */
    static List<AgentOsTool> tools(Supplier<AgentOsClient> client, Clock clock) {
        return ToolRegistry.make(ToolSelection.EVERY, client, clock);
    }

    /** What a server is made of, whatever its transport: built once, shared by the servers of one process. */
    static final class Parts {
        final List<AgentOsTool> tools;
        /** Tools the selection leaves out: hidden from tools/list, but a call gets the flag that enables them. */
        final List<ToolRegistry.Entry> off = new ArrayList<>();
        final ToolSelection selection;
        final TraceResources resources;
        final TracePrompts prompts;
        final String version;
        final Duration requestTimeout;
        final CallWrapper wrapper;

        Parts(Supplier<AgentOsClient> client, ToolSelection selection, ConnectionOptions options, String version,
                CallWrapper wrapper) {
            this.tools = ToolRegistry.make(selection, client, Clock.systemUTC());
            this.selection = selection;
            Set<String> on = new HashSet<>();
            tools.forEach(t -> on.add(t.name()));
            for (ToolRegistry.Entry e : ToolRegistry.entries()) {
                if (!on.contains(e.name())) {
                    off.add(e);
                }
            }
            this.resources = new TraceResources(client, on);
            this.prompts = new TracePrompts(client, on);
            this.version = version;
            // a token scan makes many AgentOS requests; the protocol timeout must outlast a long one
            this.requestTimeout = options.requestTimeout().multipliedBy(4).plus(Duration.ofSeconds(30));
            this.wrapper = wrapper;
        }

        /** One entry of tools/call: a tool, or the stand-in of one the selection leaves out. */
        record Call(McpSchema.Tool definition, AgentOsTool tool, String whyOff) {
        }

        /** Every tool's call; the hidden ones answer with the flag that enables them. */
        List<Call> calls() {
            List<Call> out = new ArrayList<>();
            for (AgentOsTool t : tools) {
                out.add(new Call(t.definition(), t, null));
            }
            for (ToolRegistry.Entry e : off) {
                out.add(new Call(McpSchema.Tool.builder().name(e.name()).inputSchema(Map.of("type", "object")).build(),
                        null, selection.whyOff(e)));
            }
            return out;
        }

        CallToolResult run(Call c, Map<String, Object> arguments, dev.agentos.traces.query.ScanControl control) {
            if (c.tool() == null) {
                return AgentOsTool.error(c.whyOff());
            }
            return wrapper.apply(() -> c.tool().call(arguments, control));
        }

        boolean listed(McpSchema.Tool tool) {
            return off.stream().noneMatch(e -> e.name().equals(tool.name()));
        }
    }

    static McpSchema.ServerCapabilities capabilities(boolean logging) {
        McpSchema.ServerCapabilities.Builder b = McpSchema.ServerCapabilities.builder().tools(false)
                .resources(false, false).prompts(false).completions();
        return (logging ? b.logging() : b).build();
    }

    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(Json.MAPPER);
    }

    /** Sessionful (stdio, Streamable HTTP, SSE). {@code extras} may add features (the conformance fixtures do, in tests). */
    static McpSyncServer build(McpServer.SyncSpecification<?> spec, Parts p,
            Consumer<McpServer.SyncSpecification<?>> extras) {
        List<McpServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
        for (Parts.Call c : p.calls()) {
            tools.add(McpServerFeatures.SyncToolSpecification.builder().tool(c.definition())
                    .callHandler((exchange, request) -> p.run(c, request.arguments(), RequestControl.of(exchange, request)))
                    .build());
        }
        spec.jsonMapper(jsonMapper()).jsonSchemaValidator(new LazySchemaValidator()).serverInfo(NAME, p.version)
                .instructions(instructions(p.tools)).capabilities(capabilities(true)).requestTimeout(p.requestTimeout)
                .tools(tools).addToolFilter((context, tool) -> p.listed(tool))
                .resources(p.resources.specifications()).resourceTemplates(p.resources.templateSpecifications())
                .prompts(p.prompts.specifications()).completions(p.prompts.completions());
        extras.accept(spec);
        return spec.build();
    }

    /** Stateless Streamable HTTP: no sessions (so replicas can sit behind a plain load balancer), no log level. */
    static McpStatelessSyncServer build(McpServer.StatelessSyncSpecification spec, Parts p) {
        List<McpStatelessServerFeatures.SyncToolSpecification> tools = new ArrayList<>();
        for (Parts.Call c : p.calls()) {
            tools.add(McpStatelessServerFeatures.SyncToolSpecification.builder().tool(c.definition())
                    .callHandler((context, request) -> p.run(c, request.arguments(), RequestControl.of(null, request)))
                    .build());
        }
        return spec.jsonMapper(jsonMapper()).jsonSchemaValidator(new LazySchemaValidator()).serverInfo(NAME, p.version)
                .instructions(instructions(p.tools)).capabilities(capabilities(false)).requestTimeout(p.requestTimeout)
                .tools(tools).addToolFilter((context, tool) -> p.listed(tool))
                .resources(p.resources.statelessSpecifications())
                .resourceTemplates(p.resources.statelessTemplateSpecifications())
                .prompts(p.prompts.statelessSpecifications()).completions(p.prompts.statelessCompletions())
                .build();
    }

    static McpSyncServer build(McpServerTransportProvider transport, Parts p) {
        return build(McpServer.sync(transport), p, NO_EXTRAS);
    }

    static McpSyncServer build(McpStreamableServerTransportProvider transport, Parts p,
            Consumer<McpServer.SyncSpecification<?>> extras) {
        return build(McpServer.sync(transport), p, extras);
    }

    static McpStatelessSyncServer build(McpStatelessServerTransport transport, Parts p) {
        return build(McpServer.sync(transport), p);
    }

    /** Serves MCP on stdin/stdout until stdin closes. Returns at once: the transport's thread keeps the JVM up. */
    public static McpSyncServer serveStdio(ConnectionOptions options, ToolSelection selection, String version) {
        warmUp(version);
        EofDrain drain = new EofDrain();
        StdinGuard guard = new StdinGuard();
        Parts parts = new Parts(lazy(options), selection, options, version, drain::during);
        return build(new StdioServerTransportProvider(jsonMapper(), guard.input(drain.input(System.in)),
                guard.output(drain.output(System.out))), parts);
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
