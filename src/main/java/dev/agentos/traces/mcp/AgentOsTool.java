package dev.agentos.traces.mcp;

import dev.agentos.traces.answer.Answer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.query.ScanControl;
import dev.agentos.traces.render.AnswerSize;
import dev.agentos.traces.render.Terminal;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * What a long answer may leave out: the structured field that says so (a count, {@code has_next}, a
     * {@code truncated} flag; {@code scan.truncated} looks into {@code scan}) and the argument that gets the rest,
     * or "" when no argument does (a fixed cap). Reported in the answer's {@code _meta.cut}.
     */
    Map<String, String> cuts() {
        return Map.of();
    }

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
            return sized(handle(new ToolArgs(arguments, clock.instant(), control), client.get()));
        } catch (ArgumentException | AgentOsException | ScanControl.Cancelled e) {
            return error(e.getMessage());
        } catch (OutOfMemoryError e) {
            // what the call held is garbage now; answer instead of leaving the client waiting for ever
            return error(name() + " ran out of memory (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB heap); ask for fewer traces (max_traces, a narrower start_time/end_time), or give the "
                    + "server more heap (JAVA_OPTS=-Xmx1g).");
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

    /**
     * Every answer states its size: its text ends with "(≈ N tokens)", and its structured content carries
     * {@code _meta} with the same estimate and what was cut, with the argument that gets the rest.
     */
    private CallToolResult sized(CallToolResult r) {
        if (Boolean.TRUE.equals(r.isError()) || r.content().size() != 1
                || !(r.content().get(0) instanceof McpSchema.TextContent t)) {
            return r;
        }
        String text = AnswerSize.stated(t.text());
        if (!(r.structuredContent() instanceof Map<?, ?> s)) {
            return CallToolResult.builder().addTextContent(text).isError(false).build();
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("estimated_tokens", AnswerSize.statedIn(text));
        List<Map<String, Object>> cut = new ArrayList<>();
        for (Map.Entry<String, String> c : new java.util.TreeMap<>(cuts()).entrySet()) {
            Object v = field(s, c.getKey());
            if (v instanceof Number n && n.longValue() > 0 || Boolean.TRUE.equals(v)) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("field", c.getKey());
                one.put("value", v);
                if (!c.getValue().isEmpty()) {
                    one.put("argument", c.getValue());
                }
                cut.add(one);
            }
        }
        if (!cut.isEmpty()) {
            meta.put("cut", cut);
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        s.forEach((k, v) -> structured.put(String.valueOf(k), v));
        structured.put("_meta", meta);
        return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(false).build();
    }

    private static Object field(Map<?, ?> m, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return m.get(path);
        }
        return m.get(path.substring(0, dot)) instanceof Map<?, ?> inner ? field(inner, path.substring(dot + 1)) : null;
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

    /** Text free of control characters and bidi overrides from trace data (shown escaped, as the CLI does). */
    static CallToolResult ok(String text, Map<String, Object> structured) {
        return CallToolResult.builder().addTextContent(Terminal.escape(text)).structuredContent(structured)
                .isError(false).build();
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(Terminal.escape(message)).isError(true).build();
    }
}
