package dev.agentos.traces.render;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the structured (JSON) form: ordered keys, nulls left out, as AgentOS itself does. */
public final class Fields {

    private final Map<String, Object> map = new LinkedHashMap<>();

    public static Fields of() {
        return new Fields();
    }

    public Fields put(String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
        return this;
    }

    public Fields putAll(Fields other) {
        map.putAll(other.map);
        return this;
    }

    public Map<String, Object> map() {
        return map;
    }
}
