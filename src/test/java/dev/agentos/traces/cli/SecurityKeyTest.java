package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentos.traces.testsupport.AgentOsStub;
import dev.agentos.traces.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started with OS_SECURITY_KEY=test-secret (the auth/ fixtures). */
class SecurityKeyTest extends CliTestBase {

    private final List<CliRun.Result> seen = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void secure() {
        server.resetAll();
        AgentOsStub.secured(server);
        // The auth middleware answers before the body or query is read, so the captured 401s stand for any
        // request: POST /traces/search without a key (the capture sent another body), GET /traces with any wrong key.
        server.stubFor(post(urlPathEqualTo("/traces/search")).withHeader("Authorization", absent()).atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("auth/search_no_auth_401.json"))));
        server.stubFor(get(urlPathEqualTo("/traces")).withHeader("Authorization", notMatching("Bearer test-secret"))
                .atPriority(1).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(Fixtures.body("auth/traces_wrong_key_401.json"))));
    }

    private CliRun.Result run(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putIfAbsent("AGENTOS_URL", server.baseUrl());
        CliRun.Result r = CliRun.run(env, args);
        seen.add(r);
        return r;
    }

    private void assertKeyNeverPrinted(String key) {
        for (CliRun.Result r : seen) {
            assertFalse(r.out().contains(key) || r.err().contains(key), r::toString);
        }
    }

    @Test
    void withoutAKeyExit4NamesTheVariable() {
        for (String[] args : new String[][] {{"list", "--limit", "2"}, {"stats"}, {"get", "00000000000000000000000000000000"},
                {"tokens"}, {"--limit", "2"}}) {
            CliRun.Result r = run(Map.of(), args);
            assertFails(ExitCodes.UNAUTHORIZED, r);
            assertTrue(r.err().contains("AGENTOS_SECURITY_KEY"), r::toString);
        }
    }

    @Test
    void theKeyFromTheEnvironmentIsSent() {
        CliRun.Result r = run(Map.of("AGENTOS_SECURITY_KEY", AgentOsStub.KEY), "list", "--limit", "2");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("0809167314b7f072717716997a701ef0", "8833672188af9c797b222c0dc6f831a2"), listedIds(r.out()));
        server.verify(getRequestedFor(urlPathEqualTo("/traces")).withHeader("Authorization", equalTo("Bearer test-secret")));
        CliRun.Result os = run(Map.of("OS_SECURITY_KEY", AgentOsStub.KEY), "list", "--limit", "2", "--json");
        assertEquals(0, os.code(), os::toString);
        assertEquals(21, json(os.out()).get("total_count").asInt());
        assertKeyNeverPrinted(AgentOsStub.KEY);
    }

    @Test
    void theKeyFromAFile() throws IOException {
        Path file = dir.resolve("key");
        Files.writeString(file, AgentOsStub.KEY + "\n");
        CliRun.Result r = run(Map.of(), "list", "--limit", "2", "--security-key-file", file.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(2, listedIds(r.out()).size());
        CliRun.Result before = run(Map.of(), "--security-key-file", file.toString(), "list", "--limit", "2");
        assertEquals(0, before.code(), before::toString);
        CliRun.Result root = run(Map.of(), "--security-key-file", file.toString(), "--limit", "2");
        assertEquals(0, root.code(), root::toString);
        // the file wins over the environment
        CliRun.Result over = run(Map.of("AGENTOS_SECURITY_KEY", "wrong-key-from-env"), "list", "--limit", "2",
                "--security-key-file", file.toString());
        assertEquals(0, over.code(), over::toString);
        assertKeyNeverPrinted(AgentOsStub.KEY);
    }

    @Test
    void aMissingOrEmptyKeyFileIsAUsageError() throws IOException {
        assertFails(ExitCodes.USAGE, run(Map.of(), "list", "--security-key-file", dir.resolve("nope").toString()));
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertFails(ExitCodes.USAGE, run(Map.of(), "list", "--security-key-file", empty.toString()));
    }

    @Test
    void aWrongKeyIsRefusedWithoutBeingPrinted() {
        String wrong = "s3cr3t-W7ong-k3y-4f9a";
        CliRun.Result r = run(Map.of("AGENTOS_SECURITY_KEY", wrong), "list", "--limit", "2");
        assertFails(ExitCodes.UNAUTHORIZED, r);
        assertTrue(r.err().contains("rejected the security key"), r::toString);
        assertKeyNeverPrinted(wrong);
    }

    @Test
    void theKeyIsNeverPrintedWhateverHappens() throws IOException {
        String key = AgentOsStub.KEY;
        Map<String, String> env = Map.of("AGENTOS_SECURITY_KEY", key);
        assertEquals(0, run(env, "list", "--limit", "2", "--json").code());
        assertEquals(ExitCodes.NOT_FOUND, run(env, "get", "00000000000000000000000000000000").code());
        assertEquals(ExitCodes.USAGE, run(env, "list", "--limit", "0").code());
        assertEquals(ExitCodes.USAGE, run(env, "list", "--bogus").code());
        assertEquals(ExitCodes.USAGE, run(env, "get", "a/" + key).code()); // the id is echoed, but that is the user's text
        seen.remove(seen.size() - 1);
        assertEquals(0, run(env, "--help").code());
        assertEquals(0, run(env, "list", "--help").code());
        assertEquals(0, run(env, "--version").code());
        Map<String, String> unreachable = new HashMap<>(env);
        unreachable.put("AGENTOS_URL", ExitCodesTest.closedPortUrl());
        assertEquals(ExitCodes.UNREACHABLE, run(unreachable, "list").code());
        // a 404 for an unknown request (the stub has none for this), with the key sent
        assertTrue(run(env, "stats").code() != 0);
        assertKeyNeverPrinted(key);
    }
}
