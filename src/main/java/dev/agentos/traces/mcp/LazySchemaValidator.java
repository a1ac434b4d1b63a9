package dev.agentos.traces.mcp;

import dev.agentos.traces.client.Json;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's validator (input arguments and structured output are still checked on every call), made on
 * first use instead of at start-up. The SDK also meta-validates each tool's schemas at {@code build()},
 * which costs ~60 ms before stdin is read; our schemas are constants, and ToolSchemasTest checks them with
 * the real validator instead.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

    private volatile JsonSchemaValidator delegate;

    private JsonSchemaValidator delegate() {
        JsonSchemaValidator d = delegate;
        if (d == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = new DefaultJsonSchemaValidator(Json.MAPPER);
                }
                d = delegate;
            }
        }
        return d;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return delegate().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
