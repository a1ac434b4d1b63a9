package dev.agentos.traces.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 14 items 16 and 18: a server that is there but unavailable exits 3; --timeout 0 says what it accepts. */
class UnavailableAndTimeoutFlagTest extends CliTestBase {

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void unavailableIsExitCodeThree(int status) {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody("{\"detail\":\"busy\"}")));
        assertFails(ExitCodes.UNREACHABLE, cli("list"));
    }

    @Test
    void anInternalErrorStaysSix() {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"boom\"}")));
        assertFails(ExitCodes.AGENTOS_ERROR, cli("list"));
    }

    @Test
    void aZeroTimeoutSaysWhatIsAllowed() {
        CliRun.Result r = cli("list", "--timeout", "0");
        assertFails(ExitCodes.USAGE, r);
        assertEquals("error: --timeout must be from 0.001 to 86400 seconds, not 0 (there is no 'no timeout'; 86400 "
                + "waits a day).\n", r.err());
        assertEquals("error: --connect-timeout must be from 0.001 to 86400 seconds, not 90000 (there is no 'no timeout'; "
                + "86400 waits a day).\n", cli("list", "--connect-timeout", "90000").err());
    }
}
