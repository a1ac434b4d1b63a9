package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.Json;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server skips the SDK's start-up meta-validation of tool schemas (LazySchemaValidator), so the
 * same check runs here, with the SDK's real validator, on every input and output schema.
 */
class ToolSchemasTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyToolSchemaIsValidJsonSchema() {
        JsonSchemaValidator real = new DefaultJsonSchemaValidator(Json.MAPPER);
        for (AgentOsTool t : ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC())) {
            McpSchema.Tool def = t.definition(ServerAssembly.jsonMapper());
            Map<String, Object> input = Json.MAPPER.convertValue(def.inputSchema(), Map.class);
            JsonSchemaValidator.ValidationResponse in = real.validateSchema(input);
            assertTrue(in.valid(), t.name() + " input schema: " + in.errorMessage());
            JsonSchemaValidator.ValidationResponse out = real.validateSchema(def.outputSchema());
            assertTrue(out.valid(), t.name() + " output schema: " + out.errorMessage());
        }
    }

    @Test
    void theStartUpSchemaReaderGivesWhatJacksonGives() throws Exception {
        for (AgentOsTool t : ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC())) {
            for (String schema : java.util.List.of(t.inputSchema(), t.outputSchema())) {
                assertEquals(Json.MAPPER.readValue(schema, Map.class), SchemaJson.object(schema), t.name());
            }
        }
        assertEquals(Map.of("a", java.util.List.of(1, 3_000_000_000L, 1.5, "x\"\u00e9\n", true, false),
                "b", new java.util.HashMap<>(Map.of())),
                SchemaJson.object("{\"a\": [1, 3000000000, 1.5, \"x\\\"\\u00e9\\n\", true, false], \"b\": {}}"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SchemaJson.object("{} []"));
    }

    @Test
    void theLazyValidatorStillRejectsBadArguments() {
        JsonSchemaValidator lazy = new LazySchemaValidator();
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("limit", Map.of("type", "integer", "maximum", 100)));
        assertFalse(lazy.validate(schema, Map.of("limit", 101)).valid());
        assertTrue(lazy.validate(schema, Map.of("limit", 100)).valid());
    }
}
