package dev.agentos.traces.mcp;

import java.util.Locale;

/** Groups of tools a server can be started with ({@code --toolsets}). */
public enum Toolset {
    /** Find and read traces. */
    TRACES,
    /** Filter expressions and session statistics, beyond list_traces' filters. */
    EXPLORE,
    /** Token counts and their cost. */
    TOKENS,
    /** What failed, what is slow, what changed. */
    DIAGNOSE,
    /** Discover agents and run them (runs need --allow-runs). */
    RUNS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
