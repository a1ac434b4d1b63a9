package dev.agentos.traces.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.testsupport.Golden;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A tool's schema is an API: any change to it must show up as a reviewed snapshot change. */
class ToolSnapshotTest {

    @Test
    void everyToolDefinitionMatchesItsSnapshot() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (AgentOsTool t : ServerAssembly.tools(() -> (AgentOsClient) null, Clock.systemUTC(), true)) {
            String snap = json.writeValueAsString(json.readTree(
                    ServerAssembly.jsonMapper().writeValueAsString(t.definition(ServerAssembly.jsonMapper())))) + "\n";
            Golden.assertMatches("toolsnaps/" + t.name() + ".json", snap);
        }
    }
}
