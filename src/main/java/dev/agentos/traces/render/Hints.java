package dev.agentos.traces.render;

/**
 * How a rendering says what to ask next: in MCP tool terms for a model ({@code get_trace span_id=…}) or
 * as commands for a person at a terminal ({@code agentos-traces-mcp get … --span-id …}).
 */
public interface Hints {

    String nextPage(int page);

    String traceDetails();

    String oneSpan(String traceId);

    /** @param limit the max_spans in force, or null when the text budget cut the tree */
    String moreSpans(int hidden, Integer limit, boolean canRaise);

    String readOn(String label, int remaining, String traceId, String spanId, int offset);

    String sessionTraces();

    String raiseMaxTraces(int most);

    /** An argument as the user gives it: {@code max_groups} to a tool, {@code --max-groups} on the command line. */
    String arg(String name);

    /** How to see one trace's critical path. */
    String criticalPath();

    Hints MCP = new Hints() {
        public String nextPage(int page) {
            return "More: page=" + page;
        }

        public String traceDetails() {
            return "Details: get_trace trace_id=<id>";
        }

        public String oneSpan(String traceId) {
            return "One span in full: get_trace trace_id=" + traceId + " span_id=<id>";
        }

        public String moreSpans(int hidden, Integer limit, boolean canRaise) {
            return "…[" + hidden + " more spans not shown (" + (limit == null ? "text budget" : "max_spans=" + limit)
                    + "); call get_trace with span_id=<id> for one span" + (canRaise ? ", or a larger max_spans" : "") + "]";
        }

        public String readOn(String label, int remaining, String traceId, String spanId, int offset) {
            return "…[cut: " + remaining + " more chars of " + label + "; call get_trace trace_id=" + traceId + " span_id="
                    + spanId + " offset=" + offset + " to read on]";
        }

        public String sessionTraces() {
            return "A session's traces: list_traces session_id=<id>";
        }

        public String raiseMaxTraces(int most) {
            return "raise max_traces (up to " + most + ")";
        }

        public String arg(String name) {
            return name;
        }

        public String criticalPath() {
            return "One trace's critical path: slow_spans trace_id=<id>";
        }
    };

    Hints CLI = new Hints() {
        static final String CMD = "agentos-traces-mcp";

        public String nextPage(int page) {
            return "More: --page " + page;
        }

        public String traceDetails() {
            return "Details: " + CMD + " get <id>";
        }

        public String oneSpan(String traceId) {
            return "One span in full: " + CMD + " get " + traceId + " --span-id <id>";
        }

        public String moreSpans(int hidden, Integer limit, boolean canRaise) {
            return "…[" + hidden + " more spans not shown (" + (limit == null ? "text budget" : "--max-spans " + limit)
                    + "); use --span-id <id> for one span" + (canRaise ? ", or a larger --max-spans" : "") + "]";
        }

        public String readOn(String label, int remaining, String traceId, String spanId, int offset) {
            return "…[cut: " + remaining + " more chars of " + label + "; " + CMD + " get " + traceId + " --span-id "
                    + spanId + " --offset " + offset + " to read on]";
        }

        public String sessionTraces() {
            return "A session's traces: " + CMD + " list --session-id <id>";
        }

        public String raiseMaxTraces(int most) {
            return "raise --max-traces (up to " + most + ")";
        }

        public String arg(String name) {
            return "--" + name.replace('_', '-');
        }

        public String criticalPath() {
            return "One trace's critical path: " + CMD + " slow <id>";
        }
    };
}
