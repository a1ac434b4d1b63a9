package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on stdin: malformed lines, a 10 MB line, unknown methods, wrong parameter types, a flood.
 * The server answers what it can, never crashes, writes only JSON-RPC to stdout, and exits on EOF.
 */
class HostileStdioIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    record Session(Map<String, JsonNode> byId, List<String> lines, int exit) {
    }

    /** Writes the lines, then EOF; collects stdout until the process ends. */
    static Session run(List<String> input) throws Exception {
        Process p = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve", "--base-url", "http://127.0.0.1:9")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(l);
                    }
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try (OutputStream in = p.getOutputStream()) {
            for (String l : input) {
                in.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
            in.flush();
            Thread.sleep(1500); // let the server answer before EOF
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stdin closed: the process must end");
        reader.join(10_000);
        Map<String, JsonNode> byId = new HashMap<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l); // every stdout line is JSON
            assertEquals("2.0", n.path("jsonrpc").asText(), l.length() > 300 ? l.substring(0, 300) : l);
            if (n.has("id") && !n.get("id").isNull()) {
                byId.put(n.get("id").asText(), n);
            }
        }
        return new Session(byId, lines, p.exitValue());
    }

    @Test
    void malformedAndUnknownInputGetsErrorsNotACrash() throws Exception {
        Session s = run(List.of(
                INIT,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "this is not json",
                "{\"jsonrpc\":\"2.0\",\"id\":1,",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_traces\",\"arguments\":{\"limit\":\"ten\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trace\",\"arguments\":{\"trace_id\":[1,2]}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":\"not an object\"}",
                "[]",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}"));
        assertEquals(0, s.exit());
        assertTrue(s.byId().containsKey("init"), s.lines().toString());
        assertEquals(-32601, s.byId().get("2").path("error").path("code").asInt(), "unknown method: " + s.byId().get("2"));
        for (String id : List.of("3", "4")) {
            JsonNode r = s.byId().get(id);
            boolean toolError = r != null && r.path("result").path("isError").asBoolean();
            boolean rpcError = r != null && r.has("error");
            assertTrue(toolError || rpcError, "wrong argument types are refused: " + r);
        }
        assertEquals(ToolRegistry.make(ToolSelection.DEFAULTS, () -> null, java.time.Clock.systemUTC()).size(), s.byId().get("6").path("result").path("tools").size(), "still serving after all that");
        List<Integer> nullIdErrors = new ArrayList<>();
        for (String l : s.lines()) {
            JsonNode n = JSON.readTree(l);
            if (n.has("id") && n.get("id").isNull()) {
                nullIdErrors.add(n.path("error").path("code").asInt());
            }
        }
        assertEquals(List.of(-32700, -32700, -32600), nullIdErrors,
                "JSON-RPC: a parse error for each non-JSON line, an invalid request for the array");
    }

    @Test
    void aTenMegabyteLineDoesNotKillTheServer() throws Exception {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trace\",\"arguments\":"
                + "{\"trace_id\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}}";
        Session s = run(List.of(INIT, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", huge,
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}"));
        assertEquals(0, s.exit());
        assertTrue(s.byId().containsKey("init"));
        JsonNode big = s.byId().get("7");
        if (big != null) { // answered: it must be an error, never a request with a 10 MB id sent to AgentOS
            assertTrue(big.has("error") || big.path("result").path("isError").asBoolean(), big.toString().substring(0, Math.min(200, big.toString().length())));
        }
        for (String l : s.lines()) {
            assertTrue(l.length() < 1_000_000, "a reply must not echo the 10 MB argument");
        }
    }

    /** Between the SDK's own limit (16,777,216 characters, past which it ends the session) and our old 64 MiB one. */
    @Test
    void aTwentyMegabyteLineIsRefusedAndTheSessionGoesOn() throws Exception {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trace\",\"arguments\":"
                + "{\"trace_id\":\"" + "x".repeat(20 * 1024 * 1024) + "\"}}}";
        Session s = run(List.of(INIT, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", huge,
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\"}"));
        assertEquals(0, s.exit());
        assertTrue(s.byId().containsKey("8"), "the session must go on after the long line: " + s.lines());
        List<String> refusals = s.lines().stream().filter(l -> l.contains("longer than")).toList();
        assertEquals(1, refusals.size(), "one -32600 for the long line: " + s.lines());
        assertTrue(refusals.get(0).contains("-32600"), refusals.get(0));
    }

    @Test
    void aFloodOfTenThousandRequestsIsAnsweredInFull() throws Exception {
        List<String> input = new ArrayList<>(List.of(INIT, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        for (int i = 0; i < 10_000; i++) {
            input.add("{\"jsonrpc\":\"2.0\",\"id\":" + (100 + i) + ",\"method\":\"ping\"}");
        }
        Session s = run(input);
        assertEquals(0, s.exit());
        for (int i = 0; i < 10_000; i++) {
            assertTrue(s.byId().containsKey(String.valueOf(100 + i)), "ping " + (100 + i) + " unanswered");
        }
    }
}
