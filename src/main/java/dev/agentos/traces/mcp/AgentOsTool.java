package dev.agentos.traces.mcp;

import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.query.ScanControl;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every tool: its definition beside its handler, and the one place where failures become
 * {@code isError} results with a single sentence (never a stack trace, never a dead server).
 * Name, toolset and read-only flag come from its line in {@link ToolRegistry}.
 */
abstract class AgentOsTool {

    private static final Logger LOG = LoggerFactory.getLogger(AgentOsTool.class);

    private final ToolRegistry.Entry entry;
    private final Supplier<AgentOsClient> client;
    private final Clock clock;
    private volatile Set<String> argumentNames;

    AgentOsTool(ToolRegistry.Context context) {
        this.entry = context.entry();
        this.client = context.client();
        this.clock = context.clock();
    }

    final String name() {
        return entry.name();
    }

    final ToolRegistry.Entry entry() {
        return entry;
    }

    abstract String title();

    /** One or two short sentences: what it answers, and the fact that prevents a wrong call. */
    abstract String description();

    /** Built with {@link InputPart#schema}, from the same parts the handler reads. */
    abstract Map<String, Object> inputSchema();

    /** Types and required fields ({@link Schema}), no prose. */
    abstract Map<String, Object> outputSchema();

    /** Parse → call → render. Throws {@link ArgumentException} or {@link AgentOsException} on failure. */
    abstract CallToolResult handle(ToolArgs args, AgentOsClient client);

    /** The tool's {@code _meta}, e.g. the MCP App that shows its result; null for none. */
    Map<String, Object> meta() {
        return null;
    }

    McpSchema.Tool definition() {
        // the hints that matter: destructive and idempotent are only read when a tool is not read-only
        // (openWorldHint defaults to true; the spec's defaults are left out to keep every tool list short)
        McpSchema.ToolAnnotations hints = entry.readOnly()
                ? McpSchema.ToolAnnotations.builder().readOnlyHint(true).build()
                : McpSchema.ToolAnnotations.builder().readOnlyHint(false).destructiveHint(false).idempotentHint(false)
                        .openWorldHint(true).build();
        return McpSchema.Tool.builder()
                .name(name()).title(title()).description(description()).meta(meta())
                .inputSchema(inputSchema()).outputSchema(outputSchema()).annotations(hints)
                .build();
    }

    /** Runs the tool; always returns a result. */
    CallToolResult call(Map<String, Object> arguments) {
        return call(arguments, ScanControl.NONE);
    }

    /** Runs the tool, reporting progress to and checking cancellation with {@code control}. */
    CallToolResult call(Map<String, Object> arguments, ScanControl control) {
        try {
            refuseUnknown(arguments);
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
        }
    }

    /** A misspelt filter must not be ignored silently: that would answer a different question. */
    private void refuseUnknown(Map<String, Object> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return;
        }
        Set<String> names = argumentNames;
        if (names == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) inputSchema().get("properties");
            names = props == null ? Set.of() : new LinkedHashSet<>(props.keySet());
            argumentNames = names;
        }
        for (String k : arguments.keySet()) {
            if (!names.contains(k)) {
                throw new ArgumentException(name() + " has no argument '" + Times.clipForMessage(k) + "'; it takes "
                        + String.join(", ", names) + ".");
            }
        }
    }

    static CallToolResult ok(Answer answer) {
        return ok(answer.text(), answer.structured());
    }

    static CallToolResult ok(String text, Map<String, Object> structured) {
        return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(false).build();
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
