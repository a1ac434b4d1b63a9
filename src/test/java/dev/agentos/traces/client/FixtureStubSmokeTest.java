package dev.agentos.traces.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.testsupport.AgentOsStub;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FixtureStubSmokeTest {

    WireMockServer server;
    AgentOsClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        AgentOsStub.open(server);
        client = AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, Map.of()));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void servesTheDefaultListAndATrace() {
        assertEquals(21, client.listTraces(TraceFilter.NONE, 1, 20).meta().totalCount());
        assertEquals(4, client.getTrace("16a3d91143cd09bae7f87594b93c261c", null).summary().totalSpans());
        assertEquals(22, client.searchRuns(null, 1, 100, null).data().size());
    }
}
