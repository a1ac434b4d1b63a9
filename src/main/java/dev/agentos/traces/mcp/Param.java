package dev.agentos.traces.mcp;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** One tool argument: its schema and the code that reads it, side by side. */
final class Param<T> implements InputPart {

    private final String name;
    private final Schema schema;
    private final BiFunction<ToolArgs, String, T> reader;

    private Param(String name, Schema schema, BiFunction<ToolArgs, String, T> reader) {
        this.name = name;
        this.schema = schema;
        this.reader = reader;
    }

    String name() {
        return name;
    }

    Schema schema() {
        return schema;
    }

    @Override
    public List<Param<?>> params() {
        return List.of(this);
    }

    /** The value, its default when absent; throws ArgumentException when it breaks the schema's bounds. */
    T read(ToolArgs a) {
        return reader.apply(a, name);
    }

    boolean given(ToolArgs a) {
        return a.raw(name) != null;
    }

    /**
     * An exact id or name; null when absent or blank. {@code description} may be null (the name says it). Its length
     * bound (256) is checked where ids are read (client.Ids), which says so; the schema leaves it out to stay short.
     */
    static Param<String> id(String name, String description) {
        Schema s = Schema.string();
        return new Param<>(name, description == null ? s : s.description(description), ToolArgs::string);
    }

    static Param<Integer> integer(String name, int min, int max, int dflt, String description) {
        Schema s = Schema.integer().range(min, max).dflt(dflt);
        return new Param<>(name, description == null ? s : s.description(description),
                (a, n) -> a.integer(n, dflt, min, max));
    }

    static Param<Boolean> bool(String name, boolean dflt, String description) {
        return new Param<>(name, Schema.bool().dflt(dflt).description(description), (a, n) -> a.bool(n, dflt));
    }

    /** One of {@code values} (case-insensitive), or {@code dflt} (may be null) when absent. */
    static Param<String> oneOf(String name, List<String> values, String dflt, String description) {
        Schema s = Schema.string().oneOf(values);
        if (dflt != null) {
            s.dflt(dflt);
        }
        return new Param<>(name, description == null ? s : s.description(description),
                (a, n) -> a.oneOf(n, dflt, values));
    }

    /** An ISO 8601 or relative time (24h, 7d, today), resolved against the call's clock. */
    static Param<Instant> time(String name, String description) {
        Schema s = Schema.string();
        return new Param<>(name, description == null ? s : s.description(description), ToolArgs::time);
    }

    /** Any value of the given schema, read as it came (the handler checks it). */
    static Param<Object> raw(String name, Schema schema) {
        return new Param<>(name, schema, (a, n) -> a.raw(n));
    }
}
