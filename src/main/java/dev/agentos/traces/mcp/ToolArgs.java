package dev.agentos.traces.mcp;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Times;
import dev.agentos.traces.query.ScanControl;
import java.time.Instant;
import java.util.Map;

/**
 * Typed reads of a tool call's arguments. The SDK has already checked them against the input
 * schema; these checks repeat the bounds so a handler never trusts its caller.
 */
final class ToolArgs {

    private final Map<String, Object> args;
    private final Instant now;
    private final ScanControl control;

    ToolArgs(Map<String, Object> args, Instant now) {
        this(args, now, ScanControl.NONE);
    }

    ToolArgs(Map<String, Object> args, Instant now, ScanControl control) {
        this.args = args == null ? Map.of() : args;
        this.now = now;
        this.control = control;
    }

    Instant now() {
        return now;
    }

    /** Progress and cancellation of the call these arguments came with. */
    ScanControl control() {
        return control;
    }

    Object raw(String name) {
        return args.get(name);
    }

    /** One of {@code allowed} (case-insensitive), or {@code dflt} when absent. */
    String oneOf(String name, String dflt, java.util.List<String> allowed) {
        String v = string(name);
        if (v == null) {
            return dflt;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new ArgumentException(name + " must be one of " + String.join(", ", allowed) + ", not '"
                + Times.clipForMessage(v) + "'.");
    }

    String string(String name) {
        Object v = args.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new ArgumentException(name + " must be a string.");
        }
        return s.isBlank() ? null : s.strip();
    }

    int integer(String name, int dflt, int min, int max) {
        Object v = args.get(name);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ArgumentException(name + " must be a whole number from " + min + " to " + max + ".");
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw new ArgumentException(name + " must be from " + min + " to " + max + ", not " + n + ".");
        }
        return (int) d;
    }

    boolean bool(String name, boolean dflt) {
        Object v = args.get(name);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw new ArgumentException(name + " must be true or false.");
        }
        return b;
    }

    Instant time(String name) {
        return Times.parseUserTime(name, string(name), now);
    }
}
