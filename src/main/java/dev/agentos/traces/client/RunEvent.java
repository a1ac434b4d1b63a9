package dev.agentos.traces.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One event of a run's stream ({@code text/event-stream}), with the fields we show or act on. Agents send
 * {@code RunStarted}, teams {@code TeamRunStarted}, workflows {@code WorkflowStarted}, and so on.
 *
 * @param runId the run the event belongs to (a workflow's steps run under their own ids)
 * @param toolArgs a tool call's arguments as compact JSON
 * @param toolFailed for a completed tool call: whether it failed
 * @param metrics a finished run's metrics, or a finished model call's token counts
 */
public record RunEvent(String event, String runId, String sessionId, int nestedDepth, String content, String model,
        String toolName, String toolArgs, Boolean toolFailed, String stepName, String errorType, RunMetrics metrics) {

    private static final Set<String> COMPLETED = Set.of("RunCompleted", "TeamRunCompleted", "WorkflowCompleted");
    private static final Set<String> ERROR = Set.of("RunError", "TeamRunError", "WorkflowError");
    private static final Set<String> CANCELLED = Set.of("RunCancelled", "TeamRunCancelled", "WorkflowCancelled");
    /** Token-by-token content: too many to report one by one. */
    private static final Set<String> CONTENT = Set.of("RunContent", "TeamRunContent", "RunIntermediateContent",
            "TeamRunIntermediateContent", "WorkflowRunContent", "StepOutput");

    /** A run's final status when this event ends it, else null: COMPLETED, ERROR or CANCELLED. */
    public String terminalStatus() {
        return COMPLETED.contains(event) ? "COMPLETED" : ERROR.contains(event) ? "ERROR"
                : CANCELLED.contains(event) ? "CANCELLED" : null;
    }

    public boolean isContentDelta() {
        return CONTENT.contains(event);
    }

    public boolean isModelCallDone() {
        return event.endsWith("ModelRequestCompleted");
    }

    static RunEvent parse(String name, String data) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(data);
        } catch (java.io.IOException e) {
            throw new AgentOsException.BadResponse("AgentOS sent a run event that is not JSON ("
                    + Times.clipForMessage(data) + ").");
        }
        if (n == null || !n.isObject()) {
            throw new AgentOsException.BadResponse("AgentOS sent a run event that is not a JSON object.");
        }
        String event = text(n, "event");
        if (event == null) {
            event = name == null ? "message" : name;
        }
        JsonNode tool = n.get("tool");
        String toolName = null;
        String toolArgs = null;
        Boolean toolFailed = null;
        if (tool != null && tool.isObject()) {
            toolName = text(tool, "tool_name");
            JsonNode args = tool.get("tool_args");
            toolArgs = args == null || args.isNull() ? null : args.toString();
            JsonNode err = tool.get("tool_call_error");
            toolFailed = err != null && err.isBoolean() ? err.booleanValue() : null;
        }
        RunMetrics metrics = n.has("metrics") ? RunMetrics.of(n.get("metrics"))
                : n.has("input_tokens") || n.has("output_tokens") ? RunMetrics.of(n) : null;
        JsonNode depth = n.get("nested_depth");
        return new RunEvent(event, text(n, "run_id"), text(n, "session_id"),
                depth != null && depth.canConvertToInt() ? depth.intValue() : 0, text(n, "content"), text(n, "model"),
                toolName, toolArgs, toolFailed, text(n, "step_name"), text(n, "error_type"), metrics);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : v != null && v.isNumber() ? v.asText() : null;
    }
}
