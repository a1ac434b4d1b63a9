package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --db-id / AGENTOS_DB_ID reach every route (the captures have no db_id, so only the requests are checked). */
class ConnectionFlagsTest extends CliTestBase {

    @Test
    void dbIdFlag() {
        cli("list", "--db-id", "traces-db");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("db_id", equalTo("traces-db")));
        cli("get", TOOL_ERROR_TRACE, "--db-id", "traces-db");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces/" + TOOL_ERROR_TRACE))
                .withQueryParam("db_id", equalTo("traces-db")));
        cli("stats", "--db-id", "traces-db");
        server.verify(1, getRequestedFor(urlPathEqualTo("/trace_session_stats")).withQueryParam("db_id", equalTo("traces-db")));
        cli("tokens", "--db-id", "traces-db");
        server.verify(1, postRequestedFor(urlPathEqualTo("/traces/search")).withQueryParam("db_id", equalTo("traces-db")));
    }

    @Test
    void dbIdFromTheEnvironmentAndBeforeTheSubcommand() {
        CliRun.run(Map.of("AGENTOS_URL", server.baseUrl(), "AGENTOS_DB_ID", "env-db"), "list");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("db_id", equalTo("env-db")));
        cli("--db-id", "flag-db", "list");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("db_id", equalTo("flag-db")));
        CliRun.run(Map.of("AGENTOS_URL", server.baseUrl(), "AGENTOS_DB_ID", "env-db"), "--db-id", "flag-db", "--limit", "5");
        server.verify(2, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("db_id", equalTo("flag-db")));
    }

    @Test
    void noDbIdByDefault() {
        ok("list");
        server.verify(1, getRequestedFor(urlPathEqualTo("/traces")).withQueryParam("db_id", absent()));
    }

    @Test
    void aSubcommandsOwnFlagWinsOverTheOneBeforeIt() {
        CliRun.Result r = cli("--base-url", "http://127.0.0.1:1", "list", "--base-url", server.baseUrl());
        assertEquals(0, r.code(), r::toString);
    }

    /** Issue 14.6: the refusal repeated the password to the terminal (and to logs that capture it). */
    @Test
    void aBaseUrlWithCredentialsIsRefusedWithoutRepeatingThem() {
        for (String url : List.of("http://admin:s3cret-pass@127.0.0.1:7777", "http://admin:s3cret-pass@bad host:7777",
                "https://s3cret-pass@example.com/")) {
            CliRun.Result r = cli("list", "--base-url", url);
            assertFails(ExitCodes.USAGE, r);
            assertFalse(r.toString().contains("s3cret-pass"), r::toString);
            assertTrue(r.toString().contains("***@"), r::toString);
        }
    }

    @Test
    void maxResponseMbCapsTheReply() {
        // search_all_runs_limit100.json is ~126 KB: fine under 1 MB, and 0 is out of range
        assertEquals(0, cli("tokens", "--max-response-mb", "1").code());
        assertFails(ExitCodes.USAGE, cli("tokens", "--max-response-mb", "0"));
    }
}
