package dev.agentos.traces.mcp;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Catalog;
import dev.agentos.traces.query.Discovery;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.TraceFilter;
import dev.agentos.traces.client.TraceSummary;
import dev.agentos.traces.client.Times;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Prompts that start the three common investigations, and argument completion for them and for the
 * trace resource template: agent, team, session and user ids (and trace ids) from the 100 newest traces.
 */
final class TracePrompts {

    static final List<String> WINDOWS = List.of("1h", "24h", "7d", "30d", "today", "yesterday");
    static final List<String> GROUPS = List.of("model", "agent", "user", "session", "day");
    static final int MAX_COMPLETIONS = 100;

    /** The tools each prompt tells the model to call: a prompt is offered only when all of them are. */
    static final Map<String, List<String>> TOOLS_USED = Map.of(
            "debug_last_run", List.of("latest_trace", "get_trace", "slow_spans", "total_tokens", "compare_traces"),
            "token_report", List.of("total_tokens", "token_cost"),
            "error_review", List.of("find_errors", "get_trace"));

    private final Supplier<AgentOsClient> client;
    private final Set<String> tools;

    TracePrompts(Supplier<AgentOsClient> client, Set<String> tools) {
        this.client = client;
        this.tools = Set.copyOf(tools);
    }

    List<McpSchema.Prompt> prompts() {
        return all().stream().filter(p -> tools.containsAll(TOOLS_USED.get(p.name()))).toList();
    }

    static List<McpSchema.Prompt> all() {
        return List.of(
                new McpSchema.Prompt("debug_last_run", "Debug the last run",
                        "Find the newest run of an agent (or team), say whether and why it failed, and where its time and tokens went.",
                        List.of(new PromptArgument("agent_id", "Agent id (or give team_id)", false),
                                new PromptArgument("team_id", "Team id, for a team's run", false),
                                new PromptArgument("session_id", "Only runs in this session", false),
                                new PromptArgument("user_id", "Only runs of this user", false))),
                new McpSchema.Prompt("token_report", "Token report",
                        "Tokens and estimated cost over a time window, broken down.",
                        List.of(new PromptArgument("window", "How far back: 1h, 24h, 7d, 30d, today, yesterday or an ISO time (default 7d)", false),
                                new PromptArgument("group_by", "model, agent, user, session or day (default model)", false),
                                new PromptArgument("agent_id", "Only this agent", false),
                                new PromptArgument("user_id", "Only this user", false))),
                new McpSchema.Prompt("error_review", "Error review",
                        "What failed over a time window, grouped by cause, with the runs that say OK but failed.",
                        List.of(new PromptArgument("window", "How far back (default 24h)", false),
                                new PromptArgument("agent_id", "Only this agent", false),
                                new PromptArgument("session_id", "Only this session", false))));
    }

    GetPromptResult get(String name, Map<String, Object> args) {
        Map<String, Object> a = args == null ? Map.of() : args;
        String text = switch (name) {
            case "debug_last_run" -> {
                String who = scope(a, "agent_id", "team_id", "session_id", "user_id");
                yield "Debug the most recent run" + (who.isEmpty() ? "" : " with " + who) + " in AgentOS.\n"
                        + "1. Call latest_trace" + args(who) + " to get the newest trace in full.\n"
                        + "2. Say whether it failed, and why: a run whose status is OK can still contain failed spans "
                        + "(error_count > 0) or an LLM call that returned nothing. For a failed span, read it whole with "
                        + "get_trace trace_id=<id> span_id=<id>.\n"
                        + "3. Call slow_spans trace_id=<id> to show where the time went (critical path) and total_tokens "
                        + "trace_id=<id> for the tokens per model.\n"
                        + "4. If an earlier run of the same agent succeeded, compare_traces trace_id_a=<good> trace_id_b=<this> "
                        + "shows what changed.\nEnd with a short diagnosis and the next thing to try.";
            }
            case "token_report" -> {
                String window = window(a, "7d");
                String group = string(a, "group_by");
                if (group != null && !GROUPS.contains(group.toLowerCase(Locale.ROOT))) {
                    throw new ArgumentException("group_by must be one of " + String.join(", ", GROUPS) + ".");
                }
                String g = group == null ? "model" : group.toLowerCase(Locale.ROOT);
                String who = scope(a, "agent_id", "user_id");
                yield "Report token use in AgentOS since " + window + (who.isEmpty() ? "" : " for " + who) + ".\n"
                        + "1. Call total_tokens start_time=" + window + " group_by=" + g + args(who)
                        + " for exact totals and the breakdown by " + g + ".\n"
                        + "2. Call token_cost start_time=" + window + args(who)
                        + " for the estimated cost; name any models without a price rather than guessing.\n"
                        + "Present a small table (" + g + ", input, output, total tokens, share) and the estimated cost, "
                        + "and state the absolute time window the tools report.";
            }
            case "error_review" -> {
                String window = window(a, "24h");
                String who = scope(a, "agent_id", "session_id");
                yield "Review what failed in AgentOS since " + window + (who.isEmpty() ? "" : " for " + who) + ".\n"
                        + "1. Call find_errors start_time=" + window + args(who) + ": failures grouped by cause, "
                        + "including runs whose status says OK but whose error_count > 0.\n"
                        + "2. For the top causes, open one example with get_trace trace_id=<id> span_id=<id>.\n"
                        + "List each cause with its count, when it was first and last seen, what it likely means and a "
                        + "suggested fix; put the most frequent first.";
            }
            default -> throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Unknown prompt: " + name).build();
        };
        return new GetPromptResult(null, List.of(new McpSchema.PromptMessage(McpSchema.Role.USER,
                new McpSchema.TextContent(text))));
    }

    private static String args(String who) {
        return who.isEmpty() ? "" : " " + who;
    }

    private static String string(Map<String, Object> a, String key) {
        Object v = a.get(key);
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        String s = v.toString().strip();
        if (s.length() > 256 || s.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                    .message(key + " must be a single word or id without spaces or control characters.").build();
        }
        return s;
    }

    private static String scope(Map<String, Object> a, String... keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            String v = string(a, k);
            if (v != null) {
                parts.add(k + "=" + v);
            }
        }
        return String.join(" ", parts);
    }

    private static String window(Map<String, Object> a, String dflt) {
        String w = string(a, "window");
        if (w == null) {
            return dflt;
        }
        try {
            Times.parseUserTime("window", w, Instant.now());
        } catch (ArgumentException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
        }
        return w;
    }

    /** Values for a prompt argument or a template variable, from the newest traces (one request). */
    CompleteResult complete(McpSchema.CompleteRequest req) {
        String arg = req.argument() == null ? "" : req.argument().name();
        String prefix = req.argument() == null || req.argument().value() == null ? "" : req.argument().value();
        List<String> values = switch (arg) {
            case "window" -> WINDOWS;
            case "group_by" -> GROUPS;
            case "agent_id" -> served(Catalog.Kind.AGENT, TraceSummary::agentId);
            case "team_id" -> served(Catalog.Kind.TEAM, TraceSummary::teamId);
            case "workflow_id" -> served(Catalog.Kind.WORKFLOW, TraceSummary::workflowId);
            case "session_id" -> recent(TraceSummary::sessionId);
            case "user_id" -> recent(TraceSummary::userId);
            case "trace_id" -> recent(TraceSummary::traceId);
            default -> List.of();
        };
        List<String> match = values.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
                .toList();
        List<String> shown = match.subList(0, Math.min(MAX_COMPLETIONS, match.size()));
        return new CompleteResult(new CompleteResult.CompleteCompletion(shown, match.size(), match.size() > shown.size()));
    }

    /** What AgentOS serves (GET /config, cached), so ids without traces yet complete too; else recent traces' ids. */
    private List<String> served(Catalog.Kind kind, Function<TraceSummary, String> field) {
        try {
            return List.copyOf(new TreeSet<>(Discovery.catalog(client.get(), false).ids(kind)));
        } catch (AgentOsException e) {
            return recent(field);
        }
    }

    private List<String> recent(Function<TraceSummary, String> field) {
        try {
            Page<TraceSummary> p = client.get().listTraces(TraceFilter.NONE, 1, AgentOsClient.MAX_LIMIT);
            TreeSet<String> out = new TreeSet<>();
            for (TraceSummary s : p.data()) {
                if (field.apply(s) != null) {
                    out.add(field.apply(s));
                }
            }
            return List.copyOf(out);
        } catch (AgentOsException e) {
            return List.of(); // completion is a convenience: no suggestions rather than an error
        }
    }

    private List<McpSchema.CompleteReference> references() {
        List<McpSchema.CompleteReference> refs = new ArrayList<>();
        for (McpSchema.Prompt p : prompts()) {
            refs.add(new McpSchema.PromptReference(p.name()));
        }
        if (tools.contains("list_traces") || tools.contains("get_trace")) {
            refs.add(new McpSchema.ResourceReference(TraceResources.TRACE));
            refs.add(new McpSchema.ResourceReference(TraceResources.SPAN));
        }
        return refs;
    }

    private GetPromptResult safeGet(String name, Map<String, Object> args) {
        try {
            return get(name, args);
        } catch (ArgumentException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
        }
    }

    List<McpServerFeatures.SyncPromptSpecification> specifications() {
        return prompts().stream().map(p -> new McpServerFeatures.SyncPromptSpecification(p,
                (ex, req) -> safeGet(req.name(), req.arguments()))).toList();
    }

    List<McpStatelessServerFeatures.SyncPromptSpecification> statelessSpecifications() {
        return prompts().stream().map(p -> new McpStatelessServerFeatures.SyncPromptSpecification(p,
                (ctx, req) -> safeGet(req.name(), req.arguments()))).toList();
    }

    List<McpServerFeatures.SyncCompletionSpecification> completions() {
        return references().stream().map(r -> new McpServerFeatures.SyncCompletionSpecification(r,
                (ex, req) -> complete(req))).toList();
    }

    List<McpStatelessServerFeatures.SyncCompletionSpecification> statelessCompletions() {
        return references().stream().map(r -> new McpStatelessServerFeatures.SyncCompletionSpecification(r,
                (ctx, req) -> complete(req))).toList();
    }
}
