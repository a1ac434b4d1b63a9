package dev.agentos.traces.client;

import java.util.List;

/** {@code GET /traces/filter-schema}: the fields {@code POST /traces/search} can filter on. */
public record FilterSchema(List<Field> fields, List<String> logicalOperators) {

    public FilterSchema {
        fields = List.copyOf(fields);
        logicalOperators = List.copyOf(logicalOperators);
    }

    /** {@code values} is empty for free-form fields. */
    public record Field(String key, String label, String type, List<String> operators, List<String> values) {
        public Field {
            operators = List.copyOf(operators);
            values = List.copyOf(values);
        }
    }
}
