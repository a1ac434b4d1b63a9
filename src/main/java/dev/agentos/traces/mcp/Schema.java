package dev.agentos.traces.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema built in code, as the maps the SDK sends: no JSON text to parse at start-up, no positional
 * holes. Output schemas say types and required fields only; what a model must know goes in the input
 * schema's few descriptions (every byte of a tool list is paid in every conversation).
 */
final class Schema {

    private final Map<String, Object> m = new LinkedHashMap<>();
    private Map<String, Object> properties;
    private List<String> required;

    private Schema() {
    }

    private static Schema type(String type) {
        Schema s = new Schema();
        s.m.put("type", type);
        return s;
    }

    static Schema string() {
        return type("string");
    }

    static Schema integer() {
        return type("integer");
    }

    static Schema number() {
        return type("number");
    }

    static Schema bool() {
        return type("boolean");
    }

    /** Any JSON value. */
    static Schema any() {
        return new Schema();
    }

    static Schema object() {
        return type("object");
    }

    /** An object that always has these fields (their types left to the text; what a nested row needs). */
    static Schema row(String... required) {
        Schema s = object();
        s.required = new ArrayList<>(List.of(required));
        return s;
    }

    /** A string that is one of {@code values} (the enum alone says it is a string). */
    static Schema oneOf(String... values) {
        return new Schema().put("enum", List.of(values));
    }

    static Schema array(Schema items) {
        return type("array").put("items", items.map());
    }

    /** A JSON Schema keyword as is. */
    Schema put(String keyword, Object value) {
        m.put(keyword, value);
        return this;
    }

    Schema description(String text) {
        return put("description", text);
    }

    Schema oneOf(List<String> values) {
        return put("enum", List.copyOf(values));
    }

    Schema maxLength(int n) {
        return put("maxLength", n);
    }

    Schema range(int min, int max) {
        return put("minimum", min).put("maximum", max);
    }

    Schema dflt(Object value) {
        return put("default", value);
    }

    /** A property the value always has. */
    Schema required(String name, Schema type) {
        if (required == null) {
            required = new ArrayList<>();
        }
        required.add(name);
        return optional(name, type);
    }

    /** A property the value may have. */
    Schema optional(String name, Schema type) {
        if (properties == null) {
            properties = new LinkedHashMap<>();
        }
        if (properties.put(name, type.map()) != null) {
            throw new IllegalStateException("property " + name + " twice");
        }
        return this;
    }

    /** Required properties of one type, e.g. {@code required(integer(), "page", "limit")}. */
    Schema required(Schema type, String... names) {
        for (String n : names) {
            required(n, type);
        }
        return this;
    }

    Schema optional(Schema type, String... names) {
        for (String n : names) {
            optional(n, type);
        }
        return this;
    }

    /** The schema as an unmodifiable map (shared schemas are built once and reused). */
    Map<String, Object> map() {
        Map<String, Object> out = new LinkedHashMap<>(m);
        if (required != null) {
            out.put("required", List.copyOf(required));
        }
        if (properties != null) {
            out.put("properties", Collections.unmodifiableMap(new LinkedHashMap<>(properties)));
        }
        return Collections.unmodifiableMap(out);
    }
}
