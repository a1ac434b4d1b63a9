package dev.agentos.traces.mcp;

import dev.agentos.traces.client.TraceFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The trace filters a tool takes (a subset of GET /traces' own), described once here and read into a
 * {@link TraceFilter} by the same object.
 */
final class FilterParams implements InputPart {

    static final Param<String> RUN_ID = Param.id("run_id", null);
    static final Param<String> AGENT_ID = Param.id("agent_id", null);
    static final Param<String> TEAM_ID = Param.id("team_id", null);
    static final Param<String> WORKFLOW_ID = Param.id("workflow_id", null);
    static final Param<String> USER_ID = Param.id("user_id", null);
    static final Param<String> SESSION_ID = Param.id("session_id", null);
    static final Param<String> STATUS = Param.oneOf("status", List.of("OK", "ERROR"), null,
            "OK may hide failed spans");
    static final Param<Instant> START_TIME = Param.time("start_time", "ISO 8601, 24h, 7d, today");
    static final Param<Instant> END_TIME = Param.time("end_time", null);
    static final Param<String> DB_ID = Param.id("db_id", null);

    /** Every filter of GET /traces. */
    static final FilterParams ALL = new FilterParams(RUN_ID, SESSION_ID, USER_ID, AGENT_ID, TEAM_ID, WORKFLOW_ID, STATUS,
            START_TIME, END_TIME, DB_ID);
    /** What a scan over many traces filters on (run_id would pick one trace). */
    static final FilterParams SCAN = new FilterParams(AGENT_ID, TEAM_ID, WORKFLOW_ID, USER_ID, SESSION_ID, STATUS,
            START_TIME, END_TIME, DB_ID);

    private final List<Param<?>> params;

    FilterParams(Param<?>... params) {
        this.params = List.of(params);
    }

    @Override
    public List<Param<?>> params() {
        return params;
    }

    /** The filter from the arguments this part describes; the others stay unset. */
    TraceFilter read(ToolArgs a) {
        TraceFilter.Builder b = TraceFilter.builder();
        for (Param<?> p : params) {
            Object v = p.read(a);
            switch (p.name()) {
                case "run_id" -> b.runId((String) v);
                case "session_id" -> b.sessionId((String) v);
                case "user_id" -> b.userId((String) v);
                case "agent_id" -> b.agentId((String) v);
                case "team_id" -> b.teamId((String) v);
                case "workflow_id" -> b.workflowId((String) v);
                case "status" -> b.status((String) v);
                case "start_time" -> b.startTime((Instant) v);
                case "end_time" -> b.endTime((Instant) v);
                case "db_id" -> b.dbId((String) v);
                default -> throw new IllegalStateException(p.name());
            }
        }
        return b.build();
    }

    /** These filters plus {@code more}. */
    FilterParams with(Param<?>... more) {
        List<Param<?>> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return new FilterParams(all.toArray(Param<?>[]::new));
    }
}
