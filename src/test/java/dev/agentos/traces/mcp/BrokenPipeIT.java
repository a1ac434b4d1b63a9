package dev.agentos.traces.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGPIPE: the reader of our stdout goes away. The JVM ignores the signal, so writes fail with "Broken pipe";
 * the server must then end on its own, promptly and without a stack trace, and the CLI must stop writing
 * when the command it is piped into (head, less) has quit.
 */
class BrokenPipeIT {

    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n";

    @Test
    void theServerEndsWhenItsStdoutReaderIsGone() throws Exception {
        File errFile = Files.createTempFile("stderr", ".txt").toFile();
        Process p = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "serve", "--base-url",
                "http://127.0.0.1:9").redirectError(errFile).start();
        try {
            OutputStream in = p.getOutputStream();
            in.write(INIT.getBytes(StandardCharsets.UTF_8));
            in.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(out.readLine().contains("\"id\":1"), "initialized");
            in.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            out.close(); // the client stops reading: our end of the server's stdout is gone
            // keep talking: every reply now meets a broken pipe
            for (int i = 2; i < 40 && p.isAlive(); i++) {
                try {
                    in.write(("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                } catch (java.io.IOException serverGone) {
                    break;
                }
                Thread.sleep(50);
            }
            boolean ended = p.waitFor(10, TimeUnit.SECONDS);
            assertTrue(ended, "the server must exit once nobody reads its replies (stdin still open)");
            String err = Files.readString(errFile.toPath());
            assertFalse(err.contains("\tat "), "no stack trace on stderr: " + err);
            assertTrue(err.contains("agentos-traces-mcp: stdout is closed (the MCP client stopped reading); exiting"), err);
        } finally {
            p.destroyForcibly();
            errFile.delete();
        }
    }

    @Test
    void theCliStopsWhenThePipeIsClosedEarly() throws Exception {
        // `agentos-traces-mcp completion | head -1`: the reader quits after one line
        Path script = Files.createTempFile("pipe", ".sh");
        Files.writeString(script, "set -o pipefail\n'" + JavaProcess.java() + "' -jar '" + JavaProcess.jar()
                + "' completion bash | head -c 10 > /dev/null\necho \"exit=${PIPESTATUS[0]}\"\n");
        Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
        boolean ended = p.waitFor(30, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.deleteIfExists(script);
        assertTrue(ended, "the CLI must not hang on a closed pipe");
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
        assertTrue(out.matches("(?s).*exit=[0-9]+\\s*"), out);
    }
}
