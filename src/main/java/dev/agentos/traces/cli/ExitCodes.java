package dev.agentos.traces.cli;

import dev.agentos.traces.client.AgentOsException;
import dev.agentos.traces.client.ArgumentException;

/** Documented exit codes (README "Exit codes"): the one place failures become numbers. */
final class ExitCodes {

    static final int OK = 0;
    static final int INTERNAL = 1;
    /** check, run and watch: a rule failed or the run did not complete (as test runners exit 1). */
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;
    static final int UNAUTHORIZED = 4;
    static final int NOT_FOUND = 5;
    static final int AGENTOS_ERROR = 6;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof ArgumentException) {
            return USAGE;
        }
        if (e instanceof AgentOsException a) {
            if (a instanceof AgentOsException.Unreachable || a instanceof AgentOsException.Timeout
                    || a instanceof AgentOsException.ServerError s && s.unavailable()) {
                return UNREACHABLE;
            }
            if (a instanceof AgentOsException.Unauthorized) {
                return UNAUTHORIZED;
            }
            if (a instanceof AgentOsException.NotFound) {
                return NOT_FOUND;
            }
            return AGENTOS_ERROR;
        }
        return INTERNAL;
    }
}
