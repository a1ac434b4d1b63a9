package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.Secrets;
import dev.agentos.traces.testsupport.KeyEchoes;
import dev.agentos.traces.testsupport.Stubs;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4: an upstream error body that echoes our key (or the MCP token) never reaches a tool
 * result, and never the message {@code /healthz} shows (its probe is {@code filterSchema}).
 */
class KeyEchoToolTest {

    WireMockServer server;

    @BeforeEach
    void start() {
        server = Stubs.started();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theKeyEchoedInAnyErrorBodyNeverReachesAToolResultOrHealth() {
        Secrets.register(KeyEchoes.MCP_TOKEN); // as `serve` does with its auth token
        Map<String, String> env = Map.of("AGENTOS_SECURITY_KEY", KeyEchoes.KEY);
        AgentOsClient probe = Stubs.client(server, env);
        for (KeyEchoes.Echo e : KeyEchoes.all()) {
            KeyEchoes.serve(server, e);
            for (AgentOsTool t : ToolErrorsTest.tools(server.baseUrl(), env)) {
                CallToolResult r = t.call(ToolErrorsTest.CALLS.get(t.name()));
                assertTrue(r.isError(), () -> e + " " + t.name());
                assertFalse(KeyEchoes.leaks(ToolErrorsTest.text(r)), () -> e + " " + t.name() + ": " + ToolErrorsTest.text(r));
            }
            AgentOsException health = assertThrows(AgentOsException.class, () -> probe.filterSchema(null));
            assertFalse(KeyEchoes.leaks(health.getMessage()), () -> e + ": " + health.getMessage());
        }
    }
}
