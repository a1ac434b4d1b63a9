package dev.agentos.traces.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.testsupport.Golden;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A tool's schema is an API: any change to it must show up as a reviewed snapshot change, with its size on
 * the wire ({@code bytes}: the definition as tools/list sends it; {@code model_bytes}: name, title, description
 * and input schema, the part a model reads).
 */
class ToolSnapshotTest {

    @Test
    void everyToolDefinitionMatchesItsSnapshot() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (AgentOsTool t : ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC())) {
            ObjectNode snap = json.createObjectNode();
            snap.put("bytes", ToolListSizeTest.bytes(t));
            snap.put("model_bytes", ToolListSizeTest.modelBytes(t));
            snap.setAll((ObjectNode) json.readTree(ServerAssembly.jsonMapper().writeValueAsString(t.definition())));
            Golden.assertMatches("toolsnaps/" + t.name() + ".json", json.writeValueAsString(snap) + "\n");
        }
    }
}
