package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.client.AgentOsClient;
import dev.agentos.traces.client.ConnectionOptions;
import dev.agentos.traces.client.RetryPolicy;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 item 8: an OutOfMemoryError is a tool error with one sentence, never a silent hang. */
class OutOfMemoryTest {

    @Test
    void aReplyThatDoesNotFitIsAToolErrorThatSaysWhatToDo() {
        AgentOsClient client = new AgentOsClient(ConnectionOptions.resolve("http://agentos.invalid", null, null, null,
                null, Map.of()), r -> {
                    throw new OutOfMemoryError("Java heap space");
                }, RetryPolicy.NEVER);
        for (AgentOsTool t : ServerAssembly.tools(() -> client, Clock.systemUTC())) {
            CallToolResult r = t.call(ToolErrorsTest.CALLS.get(t.name()));
            String text = ToolErrorsTest.text(r);
            assertTrue(r.isError(), t.name());
            assertTrue(text.contains("did not fit in memory") || text.contains("ran out of memory"), t.name() + ": " + text);
            assertTrue(text.contains("-Xmx"), text);
        }
    }

    @Test
    void memoryRunOutAnywhereInATool() {
        for (AgentOsTool t : ServerAssembly.tools(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, Clock.systemUTC())) {
            CallToolResult r = t.call(ToolErrorsTest.CALLS.get(t.name()));
            assertTrue(r.isError(), t.name());
            assertTrue(ToolErrorsTest.text(r).startsWith(t.name() + " ran out of memory ("), ToolErrorsTest.text(r));
        }
    }

    @Test
    void theDefaultSizeCapFollowsTheHeap() {
        long cap = ConnectionOptions.defaultMaxBodyBytes();
        assertTrue(cap <= Runtime.getRuntime().maxMemory() / 10 || cap == 4L * 1024 * 1024, "cap " + cap);
        assertTrue(cap <= ConnectionOptions.DEFAULT_MAX_BODY_BYTES);
        assertTrue(ConnectionOptions.resolve(null, null, null, null, null, Map.of()).maxBodyBytes() == cap);
    }
}
