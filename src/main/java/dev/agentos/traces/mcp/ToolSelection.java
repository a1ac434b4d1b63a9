package dev.agentos.traces.mcp;

import dev.agentos.traces.client.ArgumentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which tools a server offers: {@code --toolsets} (or AGENTOS_TRACES_TOOLSETS), {@code --tools},
 * {@code --read-only} and {@code --allow-runs} (which also turns on the runs toolset). Resources and prompts
 * follow the tools chosen.
 */
public record ToolSelection(Set<Toolset> toolsets, Set<String> tools, boolean readOnly, boolean allowRuns) {

    public static final String ENV_TOOLSETS = "AGENTOS_TRACES_TOOLSETS";
    public static final String ENV_ALLOW_RUNS = "AGENTOS_TRACES_ALLOW_RUNS";
    /** The common questions (a trace, its tokens, what failed or is slow), within 12,000 bytes of tools/list. */
    public static final Set<Toolset> DEFAULT = Set.copyOf(EnumSet.of(Toolset.TRACES, Toolset.TOKENS, Toolset.DIAGNOSE));
    /** Every tool, those that write included (what --toolsets all --allow-runs gives). */
    public static final ToolSelection EVERY = new ToolSelection(EnumSet.allOf(Toolset.class), Set.of(), false, true);
    public static final ToolSelection DEFAULTS = new ToolSelection(DEFAULT, Set.of(), false, false);

    public ToolSelection {
        toolsets = Set.copyOf(toolsets);
        tools = Set.copyOf(tools);
    }

    /**
     * From the flags as given (null = not given); an unknown name is refused with the valid ones.
     *
     * @param toolsets comma-separated toolset names, {@code all} or {@code default}; null: the flag, then
     *                 {@link #ENV_TOOLSETS}, then the default (none when only {@code tools} is given)
     */
    public static ToolSelection parse(String toolsets, String tools, boolean readOnly, boolean allowRuns,
            Map<String, String> env) {
        String sets = toolsets != null ? toolsets : env.get(ENV_TOOLSETS);
        Set<String> picked = new LinkedHashSet<>();
        for (String t : split(tools)) {
            if (ToolRegistry.entries().stream().noneMatch(e -> e.name().equals(t))) {
                throw new ArgumentException("Unknown tool '" + t + "' in --tools; valid: " + String.join(", ", names()) + ".");
            }
            picked.add(t);
        }
        Set<Toolset> chosen = EnumSet.noneOf(Toolset.class);
        if (sets == null || sets.isBlank()) {
            if (picked.isEmpty()) {
                chosen.addAll(DEFAULT);
            }
        } else {
            for (String s : split(sets)) {
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "all" -> chosen.addAll(EnumSet.allOf(Toolset.class));
                    case "default" -> chosen.addAll(DEFAULT);
                    default -> chosen.add(toolset(s));
                }
            }
        }
        boolean runs = allowRuns || runsAllowedByEnv(env);
        if (runs && !readOnly) {
            chosen.add(Toolset.RUNS); // allowing runs is asking for them: run_agent and the tools beside it
        }
        return new ToolSelection(chosen, picked, readOnly, runs);
    }

    private static Toolset toolset(String s) {
        for (Toolset t : Toolset.values()) {
            if (t.id().equalsIgnoreCase(s)) {
                return t;
            }
        }
        List<String> valid = new ArrayList<>();
        for (Toolset t : Toolset.values()) {
            valid.add(t.id());
        }
        throw new ArgumentException("Unknown toolset '" + s + "' in --toolsets; valid: " + String.join(", ", valid)
                + ", all, default.");
    }

    /** Whether {@link #ENV_ALLOW_RUNS} says yes (1, true, yes or on), for the server and the CLI's {@code run}. */
    public static boolean runsAllowedByEnv(Map<String, String> env) {
        String v = env.get(ENV_ALLOW_RUNS);
        return v != null && List.of("1", "true", "yes", "on").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    private static List<String> split(String list) {
        if (list == null) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> names() {
        return ToolRegistry.entries().stream().map(ToolRegistry.Entry::name).toList();
    }

    public boolean enabled(ToolRegistry.Entry e) {
        boolean chosen = toolsets.contains(e.toolset()) || tools.contains(e.name());
        return chosen && (e.readOnly() || allowRuns && !readOnly);
    }

    /** Why {@code e} is not offered, naming the flag that would offer it. */
    String whyOff(ToolRegistry.Entry e) {
        if (!e.readOnly() && readOnly) {
            return e.name() + " is off: it has side effects and this server was started with --read-only.";
        }
        List<String> flags = new ArrayList<>();
        if (!e.readOnly() && !allowRuns) {
            flags.add("--allow-runs"); // which also turns on the runs toolset
        } else if (!toolsets.contains(e.toolset()) && !tools.contains(e.name())) {
            flags.add("--toolsets " + e.toolset().id());
        }
        return e.name() + " is off: start the server with " + String.join(" ", flags)
                + (e.readOnly() ? " (or --tools " + e.name() + ")." : " (it runs agents, which costs money).");
    }
}
