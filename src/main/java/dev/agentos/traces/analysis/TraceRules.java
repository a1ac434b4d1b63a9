package dev.agentos.traces.analysis;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.client.TraceDetail;
import dev.agentos.traces.client.TraceNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Assertions over traces, for tests and CI: each rule gives one result per trace (or one for all traces, for the
 * {@code _sum} token rules) with what was observed and the limit. Pure: traces in, results out.
 */
public final class TraceRules {

    /** Every rule name, as a rules file and the check_traces tool spell it. */
    public enum Type {
        NO_FAILED_SPANS("no_failed_spans"), STATUS("status"),
        MAX_TOKENS("max_tokens"), MAX_INPUT_TOKENS("max_input_tokens"), MAX_OUTPUT_TOKENS("max_output_tokens"),
        MAX_TOKENS_SUM("max_tokens_sum"), MAX_INPUT_TOKENS_SUM("max_input_tokens_sum"),
        MAX_OUTPUT_TOKENS_SUM("max_output_tokens_sum"),
        MAX_DURATION("max_duration"), MAX_LLM_CALLS("max_llm_calls"),
        TOOL_CALLED("tool_called"), TOOL_NOT_CALLED("tool_not_called"),
        MODEL_USED("model_used"), MODEL_NOT_USED("model_not_used"),
        OUTPUT_CONTAINS("output_contains"), OUTPUT_MATCHES("output_matches"), MAX_COST("max_cost");

        public final String key;

        Type(String key) {
            this.key = key;
        }

        boolean summed() {
            return key.endsWith("_sum");
        }

        /** Rules that may be given several times (a list in a rules file). */
        public boolean repeatable() {
            return this == TOOL_CALLED || this == TOOL_NOT_CALLED || this == MODEL_USED || this == MODEL_NOT_USED
                    || this == OUTPUT_CONTAINS || this == OUTPUT_MATCHES;
        }

        public static Type of(String key) {
            for (Type t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            throw new ArgumentException("Unknown rule '" + Times.clipForMessage(key) + "'; rules: " + keys() + ".");
        }

        public static String keys() {
            StringBuilder b = new StringBuilder();
            for (Type t : values()) {
                b.append(b.length() == 0 ? "" : ", ").append(t.key);
            }
            return b.toString();
        }
    }

    /** One rule with its limit as given ({@code 5000}, {@code 30s}, {@code add_numbers(a=12)}, {@code OK}). */
    public record Rule(Type type, String value) {

        /** How the rule reads in results: {@code max_tokens <= 5000}, {@code tool_called add_numbers}. */
        public String label() {
            return type == Type.NO_FAILED_SPANS ? type.key : type.key + " " + value;
        }
    }

    /** @param traceId null for a rule over all traces (the {@code _sum} rules) */
    public record Result(Rule rule, String traceId, boolean passed, String observed, String limit) {
    }

    private static final Pattern TOOL_WITH_ARGS = Pattern.compile("^([^()]+)\\((.*)\\)$");

    private TraceRules() {
    }

    /** Checks a rule's value now, so a bad one fails before any request. */
    public static Rule rule(Type type, String value) {
        String v = value == null ? null : value.strip();
        switch (type) {
            case NO_FAILED_SPANS -> {
                return new Rule(type, null);
            }
            case STATUS -> {
                String s = v == null ? "" : v.toUpperCase(Locale.ROOT);
                if (!s.equals("OK") && !s.equals("ERROR")) {
                    throw new ArgumentException("status must be OK or ERROR, not '" + Times.clipForMessage(v) + "'.");
                }
                return new Rule(type, s);
            }
            case MAX_TOKENS, MAX_INPUT_TOKENS, MAX_OUTPUT_TOKENS, MAX_TOKENS_SUM, MAX_INPUT_TOKENS_SUM,
                    MAX_OUTPUT_TOKENS_SUM, MAX_LLM_CALLS -> {
                count(type, v);
                return new Rule(type, v);
            }
            case MAX_DURATION -> {
                duration(v);
                return new Rule(type, v);
            }
            case MAX_COST -> {
                money(v);
                return new Rule(type, v);
            }
            case OUTPUT_MATCHES -> {
                pattern(v);
                return new Rule(type, v);
            }
            default -> {
                if (v == null || v.isEmpty()) {
                    throw new ArgumentException(type.key + " needs a value.");
                }
                if (type == Type.TOOL_CALLED || type == Type.TOOL_NOT_CALLED) {
                    toolArgs(v);
                }
                return new Rule(type, v);
            }
        }
    }

    /**
     * Rules from a parsed rules file (JSON or YAML): {@code {"max_tokens": 5000, "tool_called": ["add_numbers"],
     * "no_failed_spans": true}}. Lists give a rule several times; {@code false} leaves {@code no_failed_spans} off.
     */
    public static List<Rule> fromMap(Map<?, ?> map) {
        List<Rule> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Type t = Type.of(String.valueOf(e.getKey()));
            Object v = e.getValue();
            if (t == Type.NO_FAILED_SPANS) {
                if (!(v instanceof Boolean b)) {
                    throw new ArgumentException("no_failed_spans must be true or false.");
                }
                if (b) {
                    out.add(rule(t, null));
                }
            } else if (v instanceof List<?> list) {
                if (!t.repeatable()) {
                    throw new ArgumentException(t.key + " takes one value, not a list.");
                }
                for (Object item : list) {
                    out.add(rule(t, scalar(t, item)));
                }
            } else {
                out.add(rule(t, scalar(t, v)));
            }
        }
        return out;
    }

    private static String scalar(Type t, Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean && t == Type.STATUS) {
            return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
        }
        throw new ArgumentException(t.key + " must be a " + (t.repeatable() ? "string or a list of strings" : "single value")
                + ".");
    }

    /** Every rule on every trace, then the {@code _sum} rules once over all of them. */
    public static List<Result> evaluate(List<Rule> rules, List<TraceDetail> traces, Pricing pricing) {
        List<Result> out = new ArrayList<>();
        Map<String, TokenUsage> usage = new LinkedHashMap<>();
        for (TraceDetail d : traces) {
            usage.put(d.traceId(), TokenUsage.of(d));
        }
        for (TraceDetail d : traces) {
            for (Rule r : rules) {
                if (!r.type().summed()) {
                    out.add(one(r, d, usage.get(d.traceId()), pricing));
                }
            }
        }
        for (Rule r : rules) {
            if (r.type().summed()) {
                long sum = 0;
                for (TokenUsage u : usage.values()) {
                    sum += switch (r.type()) {
                        case MAX_INPUT_TOKENS_SUM -> u.inputTokens();
                        case MAX_OUTPUT_TOKENS_SUM -> u.outputTokens();
                        default -> u.totalTokens();
                    };
                }
                long limit = count(r.type(), r.value());
                out.add(new Result(r, null, sum <= limit, sum + " over " + traces.size()
                        + (traces.size() == 1 ? " trace" : " traces"), "<= " + limit));
            }
        }
        return out;
    }

    private static Result one(Rule r, TraceDetail d, TokenUsage u, Pricing pricing) {
        String id = d.traceId();
        return switch (r.type()) {
            case NO_FAILED_SPANS -> {
                List<SpanFailures.Failure> f = SpanFailures.of(d);
                String observed = f.isEmpty() ? "0 failed" : f.size() + " failed, first: "
                        + (f.get(0).toolName() != null ? "tool " + f.get(0).toolName() : f.get(0).type() + " " + f.get(0).name())
                        + (f.get(0).error() == null ? "" : " (" + clip(f.get(0).error(), 120) + ")");
                yield new Result(r, id, f.isEmpty(), observed, "0 failed");
            }
            case STATUS -> {
                String s = d.summary().status() == null ? "(none)" : d.summary().status();
                yield new Result(r, id, s.equalsIgnoreCase(r.value()), s, r.value());
            }
            case MAX_TOKENS, MAX_INPUT_TOKENS, MAX_OUTPUT_TOKENS -> {
                long observed = r.type() == Type.MAX_INPUT_TOKENS ? u.inputTokens()
                        : r.type() == Type.MAX_OUTPUT_TOKENS ? u.outputTokens() : u.totalTokens();
                long limit = count(r.type(), r.value());
                yield new Result(r, id, observed <= limit, Long.toString(observed), "<= " + limit);
            }
            case MAX_LLM_CALLS -> {
                long limit = count(r.type(), r.value());
                yield new Result(r, id, u.calls().size() <= limit, Integer.toString(u.calls().size()), "<= " + limit);
            }
            case MAX_DURATION -> {
                Duration limit = duration(r.value());
                Duration observed = d.summary().duration();
                yield new Result(r, id, observed.compareTo(limit) <= 0, Times.format(observed), "<= " + Times.format(limit));
            }
            case TOOL_CALLED, TOOL_NOT_CALLED -> {
                int calls = toolCalls(d, r.value());
                boolean want = r.type() == Type.TOOL_CALLED;
                yield new Result(r, id, want == (calls > 0), calls + (calls == 1 ? " call" : " calls"),
                        want ? ">= 1 call" : "0 calls");
            }
            case MODEL_USED, MODEL_NOT_USED -> {
                boolean used = u.byModel().keySet().stream().anyMatch(m -> m.equalsIgnoreCase(r.value()));
                boolean want = r.type() == Type.MODEL_USED;
                String models = u.byModel().isEmpty() ? "no LLM calls" : "models: " + String.join(", ", u.byModel().keySet());
                yield new Result(r, id, want == used, models, want ? "uses " + r.value() : "never " + r.value());
            }
            case OUTPUT_CONTAINS -> {
                String out = d.output();
                yield new Result(r, id, out != null && out.contains(r.value()), quoted(out), "contains \"" + r.value() + "\"");
            }
            case OUTPUT_MATCHES -> {
                String out = d.output();
                yield new Result(r, id, out != null && pattern(r.value()).matcher(out).find(), quoted(out),
                        "matches /" + r.value() + "/");
            }
            case MAX_COST -> {
                BigDecimal limit = money(r.value());
                CostEstimate.Result c = CostEstimate.of(u.byModel(), pricing);
                if (!c.unpriced().isEmpty()) {
                    yield new Result(r, id, false, "unknown: no price for "
                            + String.join(", ", c.unpriced().stream().map(TokenUsage.ModelTokens::model).toList())
                            + " (add it with --pricing-file)", "<= $" + limit.toPlainString());
                }
                yield new Result(r, id, c.total().compareTo(limit) <= 0, "$" + c.total().stripTrailingZeros().toPlainString(),
                        "<= $" + limit.toPlainString());
            }
            default -> throw new IllegalStateException(r.type().key);
        };
    }

    /** TOOL spans named {@code spec}'s name whose arguments hold every {@code name=value} it lists. */
    static int toolCalls(TraceDetail d, String spec) {
        Matcher m = TOOL_WITH_ARGS.matcher(spec.strip());
        String name = m.matches() ? m.group(1).strip() : spec.strip();
        Map<String, String> want = toolArgs(spec);
        int[] n = {0};
        d.forEachSpan(s -> {
            if (s.isTool() && name.equals(s.toolName() != null ? s.toolName() : s.name()) && argsMatch(s, want)) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static boolean argsMatch(TraceNode s, Map<String, String> want) {
        if (want.isEmpty()) {
            return true;
        }
        JsonNode args;
        try {
            args = s.input() == null ? null : Json.MAPPER.readTree(s.input());
        } catch (java.io.IOException e) {
            return false;
        }
        if (args == null || !args.isObject()) {
            return false;
        }
        for (Map.Entry<String, String> w : want.entrySet()) {
            JsonNode v = args.get(w.getKey());
            if (v == null || !(v.isValueNode() ? v.asText() : v.toString()).equals(w.getValue())) {
                if (v == null || !v.isNumber() || !sameNumber(v, w.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameNumber(JsonNode v, String want) {
        try {
            return v.decimalValue().compareTo(new BigDecimal(want)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** {@code name(a=1, b=x)} → {a: 1, b: x}; a bare name → none. */
    static Map<String, String> toolArgs(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = TOOL_WITH_ARGS.matcher(spec.strip());
        if (!m.matches()) {
            if (spec.contains("(") || spec.contains(")")) {
                throw new ArgumentException("A tool rule reads NAME or NAME(ARG=VALUE, ...), not '"
                        + Times.clipForMessage(spec) + "'.");
            }
            return out;
        }
        for (String kv : m.group(2).split(",")) {
            if (kv.isBlank()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ArgumentException("A tool rule's arguments read ARG=VALUE, not '" + Times.clipForMessage(kv.strip())
                        + "'.");
            }
            String value = kv.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(kv.substring(0, eq).strip(), value);
        }
        return out;
    }

    private static long count(Type t, String v) {
        try {
            long n = Long.parseLong(v == null ? "" : v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ArgumentException(t.key + " must be a whole number of 0 or more, not '" + Times.clipForMessage(v) + "'.");
        }
    }

    /** {@code 30s}, {@code 500ms}, {@code 2m}, or plain seconds. */
    public static Duration duration(String v) {
        String s = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        try {
            if (s.endsWith("m") && !s.endsWith("ms")) {
                d = Duration.ofMillis(new BigDecimal(s.substring(0, s.length() - 1)).multiply(BigDecimal.valueOf(60_000))
                        .longValueExact());
            } else if (s.matches("[0-9]+(\\.[0-9]+)?")) {
                d = Times.parseDuration(s + "s");
            } else {
                d = Times.parseDuration(s);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            d = null;
        }
        if (d == null || d.isNegative()) {
            throw new ArgumentException("max_duration must be a duration such as 30s, 500ms or 2m, not '"
                    + Times.clipForMessage(v) + "'.");
        }
        return d;
    }

    private static BigDecimal money(String v) {
        try {
            BigDecimal d = new BigDecimal((v == null ? "" : v.strip()).replace("$", ""));
            if (d.signum() < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ArgumentException("max_cost must be an amount in USD such as 0.05, not '" + Times.clipForMessage(v)
                    + "'.");
        }
    }

    private static Pattern pattern(String v) {
        try {
            return Pattern.compile(v == null ? "" : v);
        } catch (PatternSyntaxException e) {
            throw new ArgumentException("output_matches is not a valid regular expression: " + e.getDescription() + ".");
        }
    }

    private static String quoted(String s) {
        return s == null ? "(no output)" : "\"" + clip(s, 120) + "\"";
    }

    private static String clip(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
