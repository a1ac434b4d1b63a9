package dev.agentos.traces.mcp;

/** JSON Schema fragments shared by the tools' input schemas, so every filter reads the same. */
final class Schemas {

    private Schemas() {
    }

    static final String ID = """
            {"type": "string", "minLength": 1, "maxLength": 256, "description": "%s"}""";

    static String id(String description) {
        return ID.formatted(description);
    }

    static final String RUN_ID = id("Run id of the run the trace records (exact).");
    static final String SESSION_ID = id("Session id (exact).");
    static final String USER_ID = id("User id (exact).");
    static final String AGENT_ID = id("Agent id, e.g. support-agent (exact).");
    static final String TEAM_ID = id("Team id (exact).");
    static final String WORKFLOW_ID = id("Workflow id (exact).");
    static final String DB_ID = id("AgentOS database id; only needed when AgentOS has several databases.");
    static final String STATUS = """
            {"type": "string", "enum": ["OK", "ERROR"], "description": "Trace status. Runs whose tool failed often say OK with error_count > 0."}""";
    static final String TIME = """
            {"type": "string", "minLength": 1, "maxLength": 64, "description": "%s: ISO 8601 (2026-11-23T10:00:00Z, +05:30 offsets, or a date) or relative (30m, 24h, 7d, today, yesterday)."}""";
    static final String START_TIME = TIME.formatted("Only traces that started at or after this time");
    static final String END_TIME = TIME.formatted("Only traces that ended at or before this time");

    static String integer(int min, int max, int dflt, String description) {
        return """
                {"type": "integer", "minimum": %d, "maximum": %d, "default": %d, "description": "%s"}"""
                .formatted(min, max, dflt, description);
    }

    static final String PAGE = integer(1, 1_000_000, 1, "Page number, from 1.");
    static final String LIMIT = integer(1, 100, 20, "Items per page.");

    /** The output shape of one trace summary, reused by list_traces. */
    static final String TRACE_SUMMARY = """
            {"type": "object", "required": ["trace_id", "status", "error_count", "total_spans", "duration_ms"],
             "properties": {
               "trace_id": {"type": "string"}, "name": {"type": "string"}, "status": {"type": "string"},
               "error_count": {"type": "integer"}, "total_spans": {"type": "integer"},
               "duration_ms": {"type": "number"}, "start_time": {"type": "string"}, "end_time": {"type": "string"},
               "run_id": {"type": "string"}, "session_id": {"type": "string"}, "user_id": {"type": "string"},
               "agent_id": {"type": "string"}, "team_id": {"type": "string"}, "workflow_id": {"type": "string"},
               "input": {"type": "string"}}}""";

    static final String MODEL_TOKENS = """
            {"type": "array", "items": {"type": "object", "required": ["model", "input_tokens", "output_tokens", "total_tokens"],
              "properties": {"model": {"type": "string"}, "input_tokens": {"type": "integer"},
                "output_tokens": {"type": "integer"}, "total_tokens": {"type": "integer"}, "calls": {"type": "integer"}}}}""";
}
