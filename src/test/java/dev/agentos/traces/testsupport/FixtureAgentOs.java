package dev.agentos.traces.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.agentos.traces.client.AgentOsClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock AgentOS serving every captured agno 2.9.0 body for the request that produced it, started once
 * per test class, and a client for it:
 * {@code @RegisterExtension static final FixtureAgentOs agentOs = new FixtureAgentOs();}.
 */
public final class FixtureAgentOs implements BeforeAllCallback, AfterAllCallback {

    private WireMockServer server;
    private AgentOsClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = Stubs.open();
        client = Stubs.client(server);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    public WireMockServer server() {
        return server;
    }

    public AgentOsClient client() {
        return client;
    }
}
