package dev.agentos.traces.mcp;

import static dev.agentos.traces.mcp.Toolset.DIAGNOSE;
import static dev.agentos.traces.mcp.Toolset.EXPLORE;
import static dev.agentos.traces.mcp.Toolset.RUNS;
import static dev.agentos.traces.mcp.Toolset.TOKENS;
import static dev.agentos.traces.mcp.Toolset.TRACES;

import dev.agentos.traces.client.AgentOsClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every tool, one line each, in {@code tools/list} order. A new tool is its class (extends {@link AgentOsTool},
 * constructor taking a {@link Context}) plus one line here: name, toolset, and whether it only reads.
 */
public final class ToolRegistry {

    /** What the registry knows of a tool before making it. */
    public record Entry(String name, Toolset toolset, boolean readOnly, Function<Context, AgentOsTool> make) {
    }

    /** What a tool is made with: its own entry, the AgentOS client (made on first use) and the clock. */
    record Context(Entry entry, Supplier<AgentOsClient> client, Clock clock) {
    }

    static final List<Entry> ENTRIES = List.of(
            reads("list_traces", TRACES, ListTracesTool::new),
            reads("get_trace", TRACES, GetTraceTool::new),
            reads("trace_stats", EXPLORE, TraceStatsTool::new),
            reads("total_tokens", TOKENS, TotalTokensTool::new),
            reads("token_cost", TOKENS, TokenCostTool::new),
            reads("find_errors", DIAGNOSE, FindErrorsTool::new),
            reads("slow_spans", DIAGNOSE, SlowSpansTool::new),
            reads("compare_traces", DIAGNOSE, CompareTracesTool::new),
            reads("search_traces", EXPLORE, SearchTracesTool::new),
            reads("latest_trace", TRACES, LatestTraceTool::new),
            reads("find_anomalies", DIAGNOSE, FindAnomaliesTool::new),
            reads("compare_periods", EXPLORE, ComparePeriodsTool::new),
            reads("list_agents", RUNS, ListAgentsTool::new),
            reads("check_traces", RUNS, CheckTracesTool::new),
            writes("run_agent", RUNS, RunAgentTool::new));

    private ToolRegistry() {
    }

    private static Entry reads(String name, Toolset toolset, Function<Context, AgentOsTool> make) {
        return new Entry(name, toolset, true, make);
    }

    /** A tool with side effects (it runs agents): listed only with --allow-runs, never with --read-only. */
    private static Entry writes(String name, Toolset toolset, Function<Context, AgentOsTool> make) {
        return new Entry(name, toolset, false, make);
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    static Entry entry(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name));
    }

    static Context context(String name, Supplier<AgentOsClient> client, Clock clock) {
        return new Context(entry(name), client, clock);
    }

    /** The tools {@code selection} enables, made over one client. */
    static List<AgentOsTool> make(ToolSelection selection, Supplier<AgentOsClient> client, Clock clock) {
        List<AgentOsTool> tools = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (selection.enabled(e)) {
                tools.add(e.make().apply(new Context(e, client, clock)));
            }
        }
        return tools;
    }
}
