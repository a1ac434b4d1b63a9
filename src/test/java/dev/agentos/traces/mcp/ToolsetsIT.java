package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The built jar over stdio: --toolsets and --read-only decide tools/list; an unknown name stops the start. */
class ToolsetsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, JsonNode> session(List<String> flags, String... requests) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve", "--base-url",
                "http://127.0.0.1:9"));
        cmd.addAll(flags);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n").getBytes(StandardCharsets.UTF_8));
            for (String r : requests) {
                in.write((r + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            JsonNode n = JSON.readTree(line);
            if (n.has("id")) {
                byId.put(n.get("id").asText(), n);
            }
        }
        return byId;
    }

    @Test
    void aDisabledToolIsUnlistedAndACallToItNamesTheFlag() throws Exception {
        Map<String, JsonNode> r = session(List.of("--toolsets", "tokens,explore", "--read-only"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"find_errors\",\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\"}");
        List<String> names = new ArrayList<>();
        r.get("1").path("result").path("tools").forEach(t -> names.add(t.path("name").asText()));
        assertEquals(List.of("trace_stats", "total_tokens", "token_cost", "search_traces"), names);
        JsonNode off = r.get("2").path("result");
        assertTrue(off.path("isError").asBoolean(), off.toString());
        assertEquals("find_errors is off: start the server with --toolsets diagnose (or --tools find_errors).",
                off.path("content").get(0).path("text").asText());
        List<String> prompts = new ArrayList<>();
        r.get("3").path("result").path("prompts").forEach(t -> prompts.add(t.path("name").asText()));
        assertEquals(List.of("token_report"), prompts);
    }

    @Test
    void anUnknownToolsetStopsTheStartWithTheValidNames() throws Exception {
        Process p = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve", "--toolsets", "trace")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("Unknown toolset 'trace' in --toolsets; valid: traces, explore, tokens, diagnose, runs, "
                + "all, default."), err);
    }
}
