package dev.agentos.traces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock AgentOS serving the real 2.9.0 fixtures (open server), and the CLI pointed at it. */
abstract class CliTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOOL_ERROR_TRACE = "16a3d91143cd09bae7f87594b93c261c";
    static final String TOOL_ERROR_RUN = "5d4c5cec-293d-4ca2-b199-2395ffd38bdd";
    private static final Pattern TRACE_LINE = Pattern.compile("^([0-9a-f]{32})(?:  | \\| )", Pattern.MULTILINE);

    WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        AgentOsStub.open(server);
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    CliRun.Result cli(String... args) {
        return CliRun.at(server.baseUrl(), args);
    }

    /** Runs and asserts exit 0 with nothing on stderr. */
    CliRun.Result ok(String... args) {
        CliRun.Result r = cli(args);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
        return r;
    }

    static JsonNode fixture(String file) {
        try {
            return JSON.readTree(Fixtures.body(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** The trace ids of a list output, in the order printed. */
    static List<String> listedIds(String out) {
        List<String> ids = new ArrayList<>();
        Matcher m = TRACE_LINE.matcher(out);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The trace ids of a fixture page, in its order. */
    static List<String> fixtureIds(String file) {
        List<String> ids = new ArrayList<>();
        fixture(file).get("data").forEach(t -> ids.add(t.get("trace_id").asText()));
        return ids;
    }

    /** A failure as the CLI must report it: exit code, one "error: " line on stderr, nothing on stdout. */
    static void assertFails(int code, CliRun.Result r) {
        assertEquals(code, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertOneErrorLine(r);
    }

    static void assertOneErrorLine(CliRun.Result r) {
        String err = r.err();
        assertTrue(err.startsWith("error: "), r::toString);
        assertTrue(err.endsWith("\n"), r::toString);
        assertEquals(1, err.lines().count(), r::toString);
        assertFalse(err.contains("\tat ") || err.contains("Caused by") || err.contains("Exception:"), r::toString);
    }
}
