package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** In stdio mode nothing but JSON-RPC may reach stdout, even when AgentOS is down or input is bad. */
class StdoutPurityIT {

    @Test
    void onlyJsonRpcOnStdoutAndACleanExitOnEof() throws Exception {
        Process p = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve",
                "--base-url", "http://127.0.0.1:9") // nothing listens there: every call fails
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String[] requests = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_traces\",\"arguments\":{}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trace\",\"arguments\":{\"trace_id\":\"../etc\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}",
        };
        try (OutputStream in = p.getOutputStream()) {
            for (String r : requests) {
                in.write((r + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            // EOF right away: the replies still being computed must be written before the process exits
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server must exit when stdin closes");
        assertEquals(0, p.exitValue());
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        ObjectMapper json = new ObjectMapper();
        int responses = 0;
        for (String line : lines) {
            JsonNode n = json.readTree(line); // throws if any line is not JSON
            assertEquals("2.0", n.path("jsonrpc").asText(), line);
            if (n.has("id")) {
                responses++;
            }
        }
        assertEquals(5, responses, String.join("\n", lines));
        String all = String.join("\n", lines);
        assertTrue(all.contains("Cannot reach AgentOS at http://127.0.0.1:9"), all);
        assertTrue(all.contains("contains a control character or a slash"), all);
    }

    @Test
    void stdioModeLoadsNoJettyClass() throws Exception {
        java.nio.file.Path log = java.nio.file.Files.createTempFile("classes", ".txt");
        Process p = new ProcessBuilder(JavaProcess.java(), "-Xlog:class+load:file=" + log, "-jar", JavaProcess.jar(),
                "serve", "--base-url", "http://127.0.0.1:9").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"list_traces\","
                    + "\"arguments\":{}}}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String classes = java.nio.file.Files.readString(log);
        assertTrue(classes.contains("dev.agentos.traces.mcp.ListTracesTool"), "the log covers a tool call");
        assertTrue(!classes.contains("org.eclipse.jetty"), "stdio mode loaded a Jetty class");
        assertTrue(!classes.contains("picocli.CommandLine$Model"), "stdio serve built picocli's command model");
    }

    @Test
    void aRequestBeforeInitializedThenEofStillEndsTheProcess() throws Exception {
        Process p = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve", "--base-url",
                "http://127.0.0.1:9").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(15, TimeUnit.SECONDS), "stdin closed: the process must end");
        assertEquals(0, p.exitValue());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\""), out);
    }
}
