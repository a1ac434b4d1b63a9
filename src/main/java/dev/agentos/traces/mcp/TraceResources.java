package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.Pricing;
import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Ids;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceNode;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.render.SpanView;
import dev.agentos.traces.render.Terminal;
import dev.agentos.traces.render.TraceListView;
import dev.agentos.traces.render.TraceView;
import dev.agentos.traces.render.WaterfallHtml;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Traces as MCP resources: {@code agentos://traces} (recent traces), {@code agentos://traces/{trace_id}} and
 * {@code agentos://traces/{trace_id}/spans/{span_id}} (each as compact text and as JSON), and
 * {@code agentos://pricing} (the price table token_cost uses).
 */
final class TraceResources {

    static final String RECENT = "agentos://traces";
    static final String TRACE = "agentos://traces/{trace_id}";
    static final String SPAN = "agentos://traces/{trace_id}/spans/{span_id}";
    static final String PRICING = "agentos://pricing";
    /** The MCP App (SEP-1865) that draws a get_trace result as a waterfall. */
    static final String WATERFALL = "ui://agentos-traces/waterfall.html";
    static final String APP_MIME = "text/html;profile=mcp-app";
    static final Map<String, Object> WATERFALL_META = waterfallMeta();

    /** {@code _meta.ui.resourceUri} (SEP-1865), and the older flat key some hosts still read; in a fixed order. */
    private static Map<String, Object> waterfallMeta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ui", Map.of("resourceUri", WATERFALL));
        m.put("ui/resourceUri", WATERFALL);
        return java.util.Collections.unmodifiableMap(m);
    }

    private final Supplier<AgentOsClient> client;
    private final Set<String> tools;

    /** @param tools the tools the server offers: a resource is offered only beside the tools it belongs to */
    TraceResources(Supplier<AgentOsClient> client, Set<String> tools) {
        this.client = client;
        this.tools = Set.copyOf(tools);
    }

    private boolean traces() {
        return tools.contains("list_traces") || tools.contains("get_trace");
    }

    List<McpSchema.Resource> resources() {
        return all().stream().filter(r -> switch (r.uri()) {
            case RECENT -> traces();
            case PRICING -> tools.contains("token_cost");
            default -> tools.contains("get_trace") || tools.contains("latest_trace");
        }).toList();
    }

    List<McpSchema.ResourceTemplate> templates() {
        return traces() ? allTemplates() : List.of();
    }

    static List<McpSchema.Resource> all() {
        return List.of(
                McpSchema.Resource.builder(RECENT, "recent-traces").title("Recent traces")
                        .description("The 20 newest traces, one line each (as list_traces).").mimeType("text/plain").build(),
                McpSchema.Resource.builder(PRICING, "pricing").title("Token price table")
                        .description("Prices per million tokens used by token_cost, with source and date; the format "
                                + "of a --pricing-file.").mimeType("application/json").build(),
                McpSchema.Resource.builder(WATERFALL, "waterfall").title("Trace waterfall")
                        .description("An MCP App: draws a get_trace or latest_trace result as a waterfall, one bar per "
                                + "span on a time axis, errors marked, details on click. Self-contained, no network.")
                        .mimeType(APP_MIME).meta(Map.of("ui", Map.of("prefersBorder", true))).build());
    }

    static List<McpSchema.ResourceTemplate> allTemplates() {
        return List.of(
                new McpSchema.ResourceTemplate(TRACE, "trace", "Trace", "One trace: its span tree, verdict and tokens, "
                        + "as compact text (text/plain) and as JSON (application/json).", "text/plain", null),
                new McpSchema.ResourceTemplate(SPAN, "span", "Span", "One span in full: input, output, error and metadata "
                        + "(first 4,000 chars of each), as text and JSON.", "text/plain", null));
    }

    /** Reads any of our URIs; unknown ones and missing traces are -32002 (resource not found). */
    ReadResourceResult read(String uri) {
        try {
            if (uri.equals(RECENT)) {
                ListTraces.Result r = ListTraces.run(client.get(),
                        new ListTraces.Request(TraceFilter.NONE, 1, 20, TraceOrder.START_TIME, true));
                return both(uri, TraceListView.text(r), TraceListView.structured(r));
            }
            if (uri.equals(WATERFALL)) {
                return new ReadResourceResult(List.of(TextResourceContents.builder(uri, WaterfallHtml.app())
                        .mimeType(APP_MIME).build()));
            }
            if (uri.equals(PRICING)) {
                Pricing p = Pricing.current();
                Map<String, Object> models = new LinkedHashMap<>();
                p.models().forEach((k, v) -> models.put(k, Map.of("input", v.inputPerMillion(), "output", v.outputPerMillion())));
                Map<String, Object> table = new LinkedHashMap<>();
                table.put("source", p.source());
                table.put("as_of", p.asOf());
                table.put("currency", p.currency());
                table.put("models", models);
                return new ReadResourceResult(List.of(TextResourceContents.builder(uri, json(table))
                        .mimeType("application/json").build()));
            }
            String prefix = "agentos://traces/";
            if (!uri.startsWith(prefix)) {
                throw notFound(uri);
            }
            String[] parts = uri.substring(prefix.length()).split("/", -1);
            if (parts.length == 1) {
                String traceId = Ids.required("trace_id", parts[0]);
                TraceDetail d = client.get().getTrace(traceId, null);
                TraceView.Options o = new TraceView.Options(TraceView.DEFAULT_MAX_SPANS, 0);
                return both(uri, TraceView.text(d, o), TraceView.structured(d, o));
            }
            if (parts.length == 3 && parts[1].equals("spans")) {
                String traceId = Ids.required("trace_id", parts[0]);
                String spanId = Ids.required("span_id", parts[2]);
                TraceNode n = client.get().getSpan(traceId, spanId, null);
                return both(uri, SpanView.text(traceId, n, 0, SpanView.DEFAULT_MAX_CHARS),
                        SpanView.structured(traceId, n, 0, SpanView.DEFAULT_MAX_CHARS));
            }
            throw notFound(uri);
        } catch (AgentOsException.NotFound e) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(Terminal.escape(e.getMessage()))
                    .data(Map.of("uri", uri)).build();
        } catch (ArgumentException | AgentOsException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(Terminal.escape(e.getMessage())).build();
        }
    }

    private static McpError notFound(String uri) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message("No such resource: use agentos://traces, agentos://traces/{trace_id}, "
                        + "agentos://traces/{trace_id}/spans/{span_id}, agentos://pricing or " + WATERFALL + ".")
                .data(Map.of("uri", uri)).build();
    }

    private static ReadResourceResult both(String uri, String text, Map<String, Object> structured) {
        return new ReadResourceResult(List.of(
                TextResourceContents.builder(uri, Terminal.escape(text)).mimeType("text/plain").build(),
                TextResourceContents.builder(uri, json(structured)).mimeType("application/json").build()));
    }

    private static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<McpServerFeatures.SyncResourceSpecification> specifications() {
        return resources().stream().map(r -> new McpServerFeatures.SyncResourceSpecification(r,
                (ex, req) -> read(req.uri()))).toList();
    }

    List<McpServerFeatures.SyncResourceTemplateSpecification> templateSpecifications() {
        return templates().stream().map(t -> new McpServerFeatures.SyncResourceTemplateSpecification(t,
                (ex, req) -> read(req.uri()))).toList();
    }

    List<McpStatelessServerFeatures.SyncResourceSpecification> statelessSpecifications() {
        return resources().stream().map(r -> new McpStatelessServerFeatures.SyncResourceSpecification(r,
                (ctx, req) -> read(req.uri()))).toList();
    }

    List<McpStatelessServerFeatures.SyncResourceTemplateSpecification> statelessTemplateSpecifications() {
        return templates().stream().map(t -> new McpStatelessServerFeatures.SyncResourceTemplateSpecification(t,
                (ctx, req) -> read(req.uri()))).toList();
    }
}
