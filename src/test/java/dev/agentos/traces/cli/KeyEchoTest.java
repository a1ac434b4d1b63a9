package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.agentos.traces.client.Secrets;
import dev.agentos.traces.testsupport.KeyEchoes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: an upstream error body that echoes our key never puts it on the terminal. */
class KeyEchoTest extends CliTestBase {

    @Test
    void theKeyEchoedInAnyErrorBodyNeverReachesStdoutOrStderr() {
        Secrets.register(KeyEchoes.MCP_TOKEN); // as `serve` does with its auth token
        Map<String, String> env = Map.of("AGENTOS_URL", server.baseUrl(), "AGENTOS_SECURITY_KEY", KeyEchoes.KEY);
        for (KeyEchoes.Echo e : KeyEchoes.all()) {
            KeyEchoes.serve(server, e);
            for (String[] args : new String[][] {
                {"list"}, {"get", "16a3d91143cd09bae7f87594b93c261c"}, {"tokens", "--since", "1h"}, {"stats"}}) {
                CliRun.Result r = CliRun.run(env, args);
                assertNotEquals(0, r.code(), r::toString);
                assertFalse(KeyEchoes.leaks(r.out() + r.err()), () -> e + " " + String.join(" ", args) + "\n" + r);
            }
        }
    }
}
