package dev.agentos.traces.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a tool's input: one argument ({@link Param}) or a group that is always read together
 * ({@link FilterParams}, {@link TargetParams}), each with the code that reads it, so a schema and its handler
 * cannot drift apart.
 */
interface InputPart {

    List<Param<?>> params();

    /**
     * {@code {"type":"object","properties":{...}}} of these parts, in order. Arguments it does not name are refused
     * by {@link AgentOsTool} with the names it takes (cheaper in every tool list than additionalProperties: false).
     */
    static Map<String, Object> schema(InputPart... parts) {
        Schema s = Schema.object();
        Map<String, Param<?>> seen = new LinkedHashMap<>();
        for (InputPart part : parts) {
            for (Param<?> p : part.params()) {
                if (seen.put(p.name(), p) == null) {
                    s.optional(p.name(), p.schema());
                }
            }
        }
        return s.map();
    }
}
