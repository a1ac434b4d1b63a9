package dev.agentos.traces.conformance;

import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.mcp.HttpServer;
import java.util.Map;

/**
 * The production HTTP stack plus the suite's fixtures, for the whole conformance suite (conformance/run.sh):
 *   java -cp target/test-classes:target/agentos-traces-mcp.jar dev.agentos.traces.conformance.FixtureServer PORT
 * Test-only: not in the shipped jar.
 */
public final class FixtureServer {

    private FixtureServer() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.start(HttpServer.Options.defaults("127.0.0.1", Integer.parseInt(args[0])),
                ConnectionOptions.resolve("http://127.0.0.1:9", null, null, null, null, Map.of()), "conformance",
                new SuiteFixtures());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.err.println("conformance fixtures on http://127.0.0.1:" + server.port() + "/mcp");
        server.join();
    }
}
