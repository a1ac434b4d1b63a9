package dev.agentos.traces.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import java.util.Map;

/** The set-up most tests share: a WireMock AgentOS on a free port, and a client for it. */
public final class Stubs {

    private Stubs() {
    }

    /** Started, with no stubs. */
    public static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    /** Started, serving every open-server fixture ({@link AgentOsStub#open}). */
    public static WireMockServer open() {
        WireMockServer server = started();
        AgentOsStub.open(server);
        return server;
    }

    /** A client for the server with default options and the given environment (e.g. a key). */
    public static AgentOsClient client(WireMockServer server, Map<String, String> env) {
        return AgentOsClient.create(ConnectionOptions.resolve(server.baseUrl(), null, null, null, null, env));
    }

    public static AgentOsClient client(WireMockServer server) {
        return client(server, Map.of());
    }
}
