package dev.agentos.traces.render;

import dev.agentos.traces.analysis.SessionTotals;
import dev.agentos.traces.client.Page;
import dev.agentos.traces.client.SessionStats;
import dev.agentos.traces.query.SessionStatsQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code trace_stats}: one line per session, then totals. */
public final class SessionStatsView {

    private SessionStatsView() {
    }

    public static String text(SessionStatsQuery.Result r) {
        return text(r, Hints.MCP);
    }

    public static String text(SessionStatsQuery.Result r, Hints hints) {
        Page<SessionStats> p = r.page();
        StringBuilder b = new StringBuilder();
        if (p.data().isEmpty()) {
            b.append(p.meta().totalCount() == 0 ? "No sessions match (only traces with a session_id are counted)."
                    : "No sessions on page " + p.meta().page() + " (there are " + p.meta().totalPages() + " pages).");
        } else {
            int first = (Math.max(1, p.meta().page()) - 1) * p.meta().limit() + 1;
            b.append("Sessions ").append(first).append('-').append(first + p.data().size() - 1).append(" of ")
                    .append(p.meta().totalCount()).append(", page ").append(p.meta().page()).append('/')
                    .append(p.meta().totalPages()).append(", most recently active first\n");
            for (SessionStats s : p.data()) {
                b.append(s.sessionId()).append(" | ").append(s.totalTraces())
                        .append(s.totalTraces() == 1 ? " trace" : " traces");
                String who = who(s);
                if (!who.isEmpty()) {
                    b.append(" | ").append(who);
                }
                b.append(" | ").append(Text.time(s.firstTraceAt())).append(" → ").append(Text.time(s.lastTraceAt()))
                        .append('\n');
            }
        }
        SessionTotals t = r.totals();
        b.append("Totals over ").append(r.totalsTruncated() ? "the first " : "all ").append(t.sessions())
                .append(t.sessions() == 1 ? " session: " : " sessions: ").append(t.traces()).append(" traces");
        if (t.firstTraceAt() != null) {
            b.append(", ").append(Text.time(t.firstTraceAt())).append(" → ").append(Text.time(t.lastTraceAt()));
        }
        if (p.meta().hasNext()) {
            b.append('\n').append(hints.nextPage(p.meta().page() + 1));
        }
        b.append('\n').append(hints.sessionTraces());
        return b.toString();
    }

    private static String who(SessionStats s) {
        List<String> parts = new ArrayList<>();
        if (s.userId() != null) {
            parts.add("user=" + s.userId());
        }
        if (s.agentId() != null) {
            parts.add("agent=" + s.agentId());
        }
        if (s.teamId() != null) {
            parts.add("team=" + s.teamId());
        }
        if (s.workflowId() != null) {
            parts.add("workflow=" + s.workflowId());
        }
        return String.join(" ", parts);
    }

    public static Map<String, Object> structured(SessionStatsQuery.Result r) {
        Page<SessionStats> p = r.page();
        List<Object> rows = new ArrayList<>();
        for (SessionStats s : p.data()) {
            rows.add(Fields.of().put("session_id", s.sessionId()).put("total_traces", s.totalTraces())
                    .put("user_id", s.userId()).put("agent_id", s.agentId()).put("team_id", s.teamId())
                    .put("workflow_id", s.workflowId())
                    .put("first_trace_at", TraceListView.str(s.firstTraceAt()))
                    .put("last_trace_at", TraceListView.str(s.lastTraceAt())).map());
        }
        SessionTotals t = r.totals();
        return Fields.of()
                .put("sessions", rows)
                .put("page", p.meta().page()).put("limit", p.meta().limit())
                .put("total_count", p.meta().totalCount()).put("total_pages", p.meta().totalPages())
                .put("has_next", p.meta().hasNext())
                .put("totals", Fields.of().put("sessions", t.sessions()).put("traces", t.traces())
                        .put("first_trace_at", TraceListView.str(t.firstTraceAt()))
                        .put("last_trace_at", TraceListView.str(t.lastTraceAt()))
                        .put("truncated", r.totalsTruncated()).map())
                .map();
    }
}
