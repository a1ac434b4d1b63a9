package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.render.Terminal;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every tool: its definition beside its handler, and the one place where failures become
 * {@code isError} results with a single sentence (never a stack trace, never a dead server).
 */
abstract class AgentOsTool {

    private static final Logger LOG = LoggerFactory.getLogger(AgentOsTool.class);

    private final Supplier<AgentOsClient> client;
    private final Clock clock;

    AgentOsTool(Supplier<AgentOsClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    Supplier<AgentOsClient> clientSupplier() {
        return client;
    }

    abstract String name();

    abstract String title();

    abstract String description();

    abstract String inputSchema();

    abstract String outputSchema();

    /** Parse → call → render. Throws {@link ArgumentException} or {@link AgentOsException} on failure. */
    abstract CallToolResult handle(ToolArgs args, AgentOsClient client);

    /** The tool's {@code _meta}, e.g. the MCP App that shows its result; null for none. */
    Map<String, Object> meta() {
        return null;
    }

    /** False for a tool with side effects (it runs an agent): its annotations say so. */
    boolean readOnly() {
        return true;
    }

    McpSchema.Tool definition(McpJsonMapper json) {
        return McpSchema.Tool.builder()
                .name(name()).title(title()).description(description()).meta(meta())
                .inputSchema(SchemaJson.object(inputSchema()))
                .outputSchema(SchemaJson.object(outputSchema()))
                .annotations(readOnly()
                        ? McpSchema.ToolAnnotations.builder().title(title()).readOnlyHint(true)
                                .destructiveHint(false).idempotentHint(true).openWorldHint(true).build()
                        : McpSchema.ToolAnnotations.builder().title(title()).readOnlyHint(false)
                                .idempotentHint(false).openWorldHint(true).build())
                .build();
    }

    McpServerFeatures.SyncToolSpecification specification(McpJsonMapper json) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(definition(json))
                .callHandler((exchange, request) -> call(request.arguments(), RequestControl.of(exchange, request)))
                .build();
    }

    McpStatelessServerFeatures.SyncToolSpecification statelessSpecification(McpJsonMapper json) {
        return McpStatelessServerFeatures.SyncToolSpecification.builder()
                .tool(definition(json))
                .callHandler((context, request) -> call(request.arguments(), RequestControl.of(null, request)))
                .build();
    }

    /** Runs the tool; always returns a result. */
    CallToolResult call(Map<String, Object> arguments) {
        return call(arguments, ScanControl.NONE);
    }

    /** Runs the tool, reporting progress to and checking cancellation with {@code control}. */
    CallToolResult call(Map<String, Object> arguments, ScanControl control) {
        EofDrain.TOOL_CALLS_IN_FLIGHT.incrementAndGet();
        try {
            return handle(new ToolArgs(arguments, clock.instant(), control), client.get());
        } catch (ArgumentException | AgentOsException | ScanControl.Cancelled e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", name(), e); // stderr only: stdout is the protocol's
            return error(name() + " failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); this is a bug in agentos-traces-mcp, please report it with the server's stderr.");
        } finally {
            if (control instanceof RequestControl rc) {
                rc.finished();
            }
            EofDrain.TOOL_CALLS_IN_FLIGHT.decrementAndGet();
        }
    }

    /** Text free of control characters and bidi overrides from trace data (shown escaped, as the CLI does). */
    static CallToolResult ok(String text, Map<String, Object> structured) {
        return CallToolResult.builder().addTextContent(Terminal.escape(text)).structuredContent(structured)
                .isError(false).build();
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(Terminal.escape(message)).isError(true).build();
    }
}
