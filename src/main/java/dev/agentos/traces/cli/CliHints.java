package dev.agentos.traces.cli;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text views end with what to ask next in MCP tool terms ({@code get_trace trace_id=<id>},
 * {@code More: page=2}). On a terminal those are commands to type: this rewrites exactly those
 * generated lines into CLI flags. Only whole lines that equal a hint are rewritten: trace content is
 * printed quoted on one line, so it never matches, except inside a span's raw input/output window, where
 * a line would have to be exactly such a hint.
 */
final class CliHints {

    private static final String CMD = "agentos-traces-mcp";

    private record Rule(Pattern line, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            rule("More: page=(\\d+)", "More: --page $1"),
            rule("Details: get_trace trace_id=<id>", "Details: " + CMD + " get <id>"),
            rule("One span in full: get_trace trace_id=(\\S+) span_id=<id>",
                    "One span in full: " + CMD + " get $1 --span-id <id>"),
            rule("…\\[(\\d+) more spans not shown \\(max_spans=(\\d+)\\); call get_trace with span_id=<id> for one span, or a larger max_spans\\]",
                    "…[$1 more spans not shown (--max-spans $2); use --span-id <id> for one span, or a larger --max-spans]"),
            rule("…\\[(\\d+) more spans not shown \\((max_spans=\\d+|text budget)\\); call get_trace with span_id=<id> for one span\\]",
                    "…[$1 more spans not shown ($2); use --span-id <id> for one span]"),
            rule("…\\[cut: (\\d+) more chars of (input|output); call get_trace trace_id=(\\S+) span_id=(\\S+) offset=(\\d+) to read on\\]",
                    "…[cut: $1 more chars of $2; " + CMD + " get $3 --span-id $4 --offset $5 to read on]"),
            rule("A session's traces: list_traces session_id=<id>", "A session's traces: " + CMD + " list --session-id <id>"),
            rule("Scan bound reached: raise max_traces (.*)", "Scan bound reached: raise --max-traces $1"));

    private CliHints() {
    }

    private static Rule rule(String line, String replacement) {
        return new Rule(Pattern.compile("^" + line + "$", Pattern.MULTILINE), replacement);
    }

    static String translate(String text) {
        String out = text;
        for (Rule r : RULES) {
            Matcher m = r.line().matcher(out);
            out = m.replaceAll(r.replacement().replace("\\", "\\\\"));
        }
        return out;
    }
}
