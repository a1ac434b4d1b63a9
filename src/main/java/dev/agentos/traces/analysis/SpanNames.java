package dev.agentos.traces.analysis;

import java.util.Set;

/**
 * Span names without the calling variant: agno names a span {@code <what>.<method>}, and the method depends on
 * how the run was made ({@code aexecute_stream} streamed, {@code execute} not), not on what ran.
 */
public final class SpanNames {

    /** Methods whose async ({@code a…}) and streaming ({@code …_stream}) forms name the same step. */
    private static final Set<String> METHODS = Set.of("execute", "invoke", "run", "response", "process", "call");

    private SpanNames() {
    }

    /** {@code compute.aexecute_stream} → {@code compute.execute}; other names as they are. */
    public static String base(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        if (dot < 0) {
            return name;
        }
        String m = method(name.substring(dot + 1));
        return m == null ? name : name.substring(0, dot + 1) + m;
    }

    /** {@code check_stock.aexecute_stream} → {@code check_stock}: the name a person gave the step, agent or model. */
    public static String label(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot > 0 && method(name.substring(dot + 1)) != null ? name.substring(0, dot) : name;
    }

    private static String method(String m) {
        if (m.endsWith("_stream")) {
            m = m.substring(0, m.length() - "_stream".length());
        }
        if (METHODS.contains(m)) {
            return m;
        }
        return m.startsWith("a") && METHODS.contains(m.substring(1)) ? m.substring(1) : null;
    }
}
