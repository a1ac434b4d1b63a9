package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Json;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
            McpSchema.Tool def = t.definition();
            Map<String, Object> input = Json.MAPPER.convertValue(def.inputSchema(), Map.class);
            JsonSchemaValidator.ValidationResponse in = real.validateSchema(input);
            assertTrue(in.valid(), t.name() + " input schema: " + in.errorMessage());
            JsonSchemaValidator.ValidationResponse out = real.validateSchema(def.outputSchema());
            assertTrue(out.valid(), t.name() + " output schema: " + out.errorMessage());
        }
    }

    @Test
    void anArgumentNoSchemaNamesIsRefusedWithTheNamesItTakes() {
        for (AgentOsTool t : ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC())) {
            McpSchema.CallToolResult r = t.call(Map.of("agent", "x"));
            assertTrue(r.isError(), t.name());
            String text = ((McpSchema.TextContent) r.content().get(0)).text();
            assertTrue(text.startsWith(t.name() + " has no argument 'agent'; it takes "), text);
        }
    }

    @Test
    void aParamReadsWhatItsSchemaDescribes() {
        Param<Integer> limit = Param.integer("limit", 1, 100, 20, null);
        assertEquals(Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 20), limit.schema().map());
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        assertEquals(20, limit.read(new ToolArgs(Map.of(), now)));
        assertEquals(7, limit.read(new ToolArgs(Map.of("limit", 7), now)));
        assertThrows(ArgumentException.class, () -> limit.read(new ToolArgs(Map.of("limit", 101), now)));
        Map<String, Object> args = new HashMap<>(Map.of("agent_id", "a", "status", "error", "start_time", "24h"));
        var f = FilterParams.SCAN.read(new ToolArgs(args, now));
        assertEquals("a", f.agentId());
        assertEquals("ERROR", f.status());
        assertEquals(now.minusSeconds(86_400), f.startTime());
        assertEquals(List.of("OK", "ERROR"), FilterParams.STATUS.schema().map().get("enum"));
    }

    @Test
    void oneTraceAndFiltersAreRefusedTogetherInOneSentence() {
        Instant now = Instant.parse("2026-11-30T00:00:00Z");
        for (Map<String, Object> mix : List.of(Map.<String, Object>of("trace_id", "t", "agent_id", "a"),
                Map.<String, Object>of("run_id", "r", "max_traces", 5), Map.<String, Object>of("trace_id", "t", "group_by", "day"))) {
            ArgumentException e = assertThrows(ArgumentException.class,
                    () -> TotalTokensTool.TARGET.read(new ToolArgs(mix, now)));
            assertEquals("Give either trace_id/run_id (one trace) or filters (many traces), not both.", e.getMessage());
        }
    }

    @Test
    void theLazyValidatorStillRejectsBadArguments() {
        JsonSchemaValidator lazy = new LazySchemaValidator();
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("limit", Map.of("type", "integer", "maximum", 100)));
        assertFalse(lazy.validate(schema, Map.of("limit", 101)).valid());
        assertTrue(lazy.validate(schema, Map.of("limit", 100)).valid());
    }
}
