package dev.agentos.traces.mcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code list --watch} is the one CLI command that runs until stopped, so it is run here as a real process
 * from the built jar: it must end when its reader goes away (a closed pipe) and on Ctrl-C, promptly and
 * without a stack trace.
 */
class WatchProcessIT {

    @TempDir
    Path dir;

    WireMockServer agentOs;
    Process process;

    @BeforeEach
    void start() {
        agentOs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        agentOs.start();
        AgentOsStub.open(agentOs);
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        agentOs.stop();
    }

    BufferedReader watch(Path stderr) throws Exception {
        process = new ProcessBuilder(JavaProcess.java(), "-jar", JavaProcess.jar(), "list", "--base-url", agentOs.baseUrl(),
                "--watch", "2").redirectError(stderr.toFile()).start();
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static void assertNoStackTrace(Path stderr) throws Exception {
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertFalse(err.contains("\tat ") || err.contains("Exception") || err.contains("Caused by"), err);
    }

    @Test
    void endsWhenItsReaderIsGone() throws Exception {
        // first round: five traces; every later round: all 21, so the next write meets the closed pipe
        String[] rounds = {"traces_limit5_page2.json", "traces_limit100.json"};
        for (int i = 0; i < rounds.length; i++) {
            agentOs.stubFor(get(urlPathEqualTo("/traces")).atPriority(1).inScenario("watch")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "later")
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Fixtures.body(rounds[i])))
                    .willSetStateTo("later"));
        }
        Path stderr = dir.resolve("watch.err");
        BufferedReader out = watch(stderr);
        String first = out.readLine();
        assertNotNull(first, "no output");
        assertTrue(first.startsWith("Traces "), first);
        out.close(); // like `| head -1`
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "list --watch kept polling after its reader went away");
        assertEquals(0, process.exitValue());
        assertNoStackTrace(stderr);
    }

    @Test
    void ctrlCEndsItPromptly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")), "needs /bin/kill");
        Path stderr = dir.resolve("watch-int.err");
        BufferedReader out = watch(stderr);
        String line;
        while ((line = out.readLine()) != null && !line.contains("Ctrl-C stops")) {
            // the first table, then the "watching" line
        }
        assertNotNull(line, "the watch never said it was watching");
        // Ctrl-C is SIGINT; a build started in the background (no job control) runs with SIGINT ignored, which
        // every child inherits, so there the same JVM shutdown is asked for with SIGTERM
        String signal = sigintIgnored() ? "-TERM" : "-INT";
        Process kill = new ProcessBuilder("/bin/kill", signal, Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "kill " + signal + " did not end the watch");
        // the JVM's own status for a signal (128 + 2 or 128 + 15), or 0
        assertTrue(Set.of(0, 130, 143).contains(process.exitValue()), "exit " + process.exitValue());
        assertNoStackTrace(stderr);
    }

    /** Whether this process (and so every child it starts) ignores SIGINT: bit 2 of SigIgn in /proc/self/status. */
    static boolean sigintIgnored() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(l.substring(7).strip(), 16) & 0x2) != 0;
            }
        }
        return false;
    }
}
