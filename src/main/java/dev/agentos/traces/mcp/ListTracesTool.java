package dev.agentos.traces.mcp;

import dev.agentos.traces.analysis.TraceOrder;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.query.ListTraces;
import dev.agentos.traces.render.TraceListView;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;

/** {@code list_traces}: recent traces with every AgentOS filter, paged and optionally sorted. */
final class ListTracesTool extends AgentOsTool {

    static final Param<Integer> PAGE = Param.integer("page", 1, 1_000_000, 1, null);
    static final Param<Integer> LIMIT = Param.integer("limit", 1, 100, 20, null);
    static final Param<String> SORT_BY = Param.oneOf("sort_by",
            List.of("start_time", "duration", "total_spans", "error_count"), "start_time",
            "Not start_time: sorts ≤1000 matches");
    static final Param<String> SORT_ORDER = Param.oneOf("sort_order", List.of("asc", "desc"), "desc", null);

    ListTracesTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "List traces";
    }

    @Override
    String description() {
        return "Traces (one per agent, team or workflow run), newest first: status, failed spans, duration; "
                + "sortable.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(FilterParams.ALL, PAGE, LIMIT, SORT_BY, SORT_ORDER);
    }

    @Override
    Map<String, Object> outputSchema() {
        return Outputs.tracePage().map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("has_next", "page");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        ListTraces.Request req = new ListTraces.Request(FilterParams.ALL.read(a), PAGE.read(a), LIMIT.read(a),
                TraceOrder.parse(SORT_BY.read(a)), TraceOrder.parseDescending(SORT_ORDER.read(a)));
        ListTraces.Result r = ListTraces.run(client, req);
        String text = TraceListView.text(r);
        if (r.totalCount() == 0) {
            String unknown = Discovery.unknownIds(client, req.filter()); // an id AgentOS does not serve: say which it does
            text = unknown == null ? text : text + " " + Character.toUpperCase(unknown.charAt(0)) + unknown.substring(1);
        }
        return ok(text, TraceListView.structured(r));
    }
}
