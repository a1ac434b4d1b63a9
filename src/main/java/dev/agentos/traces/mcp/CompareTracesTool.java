package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Schema.array;
import static dev.agentos.traces.mcp.Schema.integer;
import static dev.agentos.traces.mcp.Schema.object;
import static dev.agentos.traces.mcp.Schema.row;


import dev.agentos.traces.analysis.TraceDiff;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.query.FindTrace;
import dev.agentos.traces.render.CompareView;
import dev.agentos.traces.render.Hints;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** {@code compare_traces}: what changed between two runs. */
final class CompareTracesTool extends AgentOsTool {

    static final Param<String> TRACE_ID_A = Param.id("trace_id_a", "Baseline");
    static final Param<String> RUN_ID_A = Param.id("run_id_a", null);
    static final Param<String> TRACE_ID_B = Param.id("trace_id_b", "To explain");
    static final Param<String> RUN_ID_B = Param.id("run_id_b", null);
    static final Param<Integer> MAX_ROWS = Param.integer("max_rows", 1, CompareView.MAX_MAX_ROWS,
            CompareView.DEFAULT_MAX_ROWS, null);

    CompareTracesTool(ToolRegistry.Context c) {
        super(c);
    }

    @Override
    String title() {
        return "Compare two traces";
    }

    @Override
    String description() {
        return "What changed from run A to B: shape, time split, then spans added, removed or changed (status, error, "
                + "tool args, output, tokens, time); stream/async variants match.";
    }

    @Override
    Map<String, Object> inputSchema() {
        return InputPart.schema(TRACE_ID_A, RUN_ID_A, TRACE_ID_B, RUN_ID_B, FilterParams.DB_ID, MAX_ROWS);
    }

    @Override
    Map<String, Object> outputSchema() {
        return object().required("a", object()).required("b", object())
                .required("differences", array(row("path", "changes")))
                .required(integer(), "difference_count", "alike").map();
    }

    @Override
    Map<String, String> cuts() {
        return Map.of("differences_omitted", "max_rows");
    }

    @Override
    CallToolResult handle(ToolArgs a, AgentOsClient client) {
        String ta = TRACE_ID_A.read(a);
        String ra = RUN_ID_A.read(a);
        String tb = TRACE_ID_B.read(a);
        String rb = RUN_ID_B.read(a);
        if (ta == null && ra == null || tb == null && rb == null) {
            throw new ArgumentException("Give both traces: trace_id_a (or run_id_a) and trace_id_b (or run_id_b).");
        }
        int rows = MAX_ROWS.read(a);
        String db = FilterParams.DB_ID.read(a);
        TraceDetail da = FindTrace.byIdOrRun(client, ta, ra, db);
        TraceDetail dbb = FindTrace.byIdOrRun(client, tb, rb, db);
        TraceDiff.Result r = TraceDiff.of(da, dbb);
        return ok(CompareView.text(r, rows, Hints.MCP), CompareView.structured(r, rows));
    }
}
