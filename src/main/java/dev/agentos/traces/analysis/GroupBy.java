package dev.agentos.traces.analysis;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.TraceSummary;
import java.time.ZoneOffset;
import java.util.Locale;

/** How totals over many traces are broken down. Days are UTC calendar days of the trace's start. */
public enum GroupBy {
    MODEL, AGENT, USER, SESSION, DAY;

    public static final String NAMES = "model, agent, user, session, day";

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupBy parse(String text) {
        if (text == null) {
            return null;
        }
        for (GroupBy g : values()) {
            if (g.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new ArgumentException("group_by must be one of " + NAMES + ", not '" + text.strip() + "'.");
    }

    /** The group a trace falls in (not for MODEL, which splits a trace by its LLM calls). */
    public String keyOf(TraceSummary s) {
        return switch (this) {
            case AGENT -> s.component() == null ? "(no agent, team or workflow)" : s.component();
            case USER -> s.userId() == null ? "(no user)" : s.userId();
            case SESSION -> s.sessionId() == null ? "(no session)" : s.sessionId();
            case DAY -> s.startTime() == null ? "(no start time)"
                    : s.startTime().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            case MODEL -> throw new IllegalStateException("MODEL groups by LLM call");
        };
    }
}
