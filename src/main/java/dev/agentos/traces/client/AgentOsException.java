package dev.agentos.traces.client;

/**
 * Everything that can go wrong when talking to AgentOS, as values with one sentence each.
 * Mapped in exactly two places: to {@code isError} tool results (mcp) and to exit codes (cli).
 */
public abstract sealed class AgentOsException extends RuntimeException
        permits AgentOsException.Unreachable, AgentOsException.Timeout, AgentOsException.Unauthorized,
                AgentOsException.NotFound, AgentOsException.BadRequest, AgentOsException.ServerError,
                AgentOsException.BadResponse, AgentOsException.Database {

    private AgentOsException(String message) {
        // no stack trace: these are values, not bugs; and never our key, whatever an upstream body echoed
        super(Secrets.scrub(message), null, false, false);
    }

    /** Nothing answered at the base URL (refused, DNS, TLS, reset). */
    public static final class Unreachable extends AgentOsException {
        public Unreachable(String baseUrl, String reason) {
            super("Cannot reach AgentOS at " + baseUrl + " (" + reason + "). Is it running? "
                    + "Set the address with --base-url or the AGENTOS_URL environment variable.");
        }
    }

    /** Connected (or tried to) but no complete answer came within the time allowed. */
    public static final class Timeout extends AgentOsException {
        public Timeout(String what, java.time.Duration limit, boolean connecting) {
            super(connecting
                    ? "AgentOS did not accept a connection for " + what + " within " + limit.toMillis() + " ms. "
                      + "Check the address and network, or raise the limit with --connect-timeout."
                    : "AgentOS did not answer " + what + " within " + limit.toMillis() + " ms. "
                      + "It may be overloaded; retry, or raise the limit with --timeout.");
        }
    }

    /** 401 or 403. Never repeats the key. */
    public static final class Unauthorized extends AgentOsException {
        private final int status;

        public Unauthorized(int status, String detail, boolean keySent) {
            super(status == 403
                    ? "AgentOS refused access (403: " + detail + "). The token lacks the traces:read scope; use a key or token that has it."
                    : keySent
                        ? "AgentOS rejected the security key (401: " + detail + "). Check AGENTOS_SECURITY_KEY "
                          + "(or OS_SECURITY_KEY, or --security-key-file): it must equal the server's OS_SECURITY_KEY."
                        : "AgentOS requires a security key (401: " + detail + "). Set AGENTOS_SECURITY_KEY "
                          + "(or OS_SECURITY_KEY, or --security-key-file) to the server's OS_SECURITY_KEY.");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** 404: trace, span, database or route not found. */
    public static non-sealed class NotFound extends AgentOsException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** 400 or 422: AgentOS did not accept the request; FastAPI's detail is shown. */
    public static final class BadRequest extends AgentOsException {
        public BadRequest(int status, String detail) {
            super("AgentOS rejected the request (" + status + "): " + detail);
        }
    }

    /** 5xx, or 429 (too many requests). */
    public static final class ServerError extends AgentOsException {
        private final int status;

        public ServerError(int status, String detail) {
            super(status == 429
                    ? "AgentOS (or a proxy in front of it) is limiting requests (429: " + detail + "), and still was after "
                      + "waiting as asked; wait a minute and retry, or ask for fewer traces at a time (a smaller "
                      + "max_traces or window, or a lower --concurrency)."
                    : "AgentOS failed with an internal error (" + status + "): " + detail
                      + (status == 500 ? "" : ". It may be restarting; retry in a moment."));
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** 429, 502, 503, 504: AgentOS is there but not available now (rate limit, restart, gateway). */
        public boolean unavailable() {
            return status == 429 || status == 502 || status == 503 || status == 504;
        }
    }

    /** A reply that is not the JSON we expect (HTML from a proxy, truncated, wrong types, too big). */
    public static non-sealed class BadResponse extends AgentOsException {
        public BadResponse(String message) {
            super(message);
        }

        /** What was wrong, short, for naming a skipped trace: "expected 'total_spans' to be an integer". */
        public String reason() {
            String m = getMessage();
            int from = m.indexOf("expected ");
            int to = m.indexOf(". Is the server");
            return from >= 0 && to > from ? m.substring(from, to) : "unreadable";
        }
    }

    /** A reply larger than the size cap, or than memory allows: a smaller page may still be read. */
    public static final class TooLarge extends BadResponse {
        public TooLarge(String message) {
            super(message);
        }
    }

    /** Database mode: AgentOS's own database could not be read (missing file, refused login, unexpected schema, timeout). */
    public static final class Database extends AgentOsException {
        public Database(String message) {
            super(message);
        }
    }
}
