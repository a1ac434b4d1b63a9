package dev.agentos.traces.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where AgentOS is and how to talk to it. The security key never appears in {@link #toString()}.
 */
public record ConnectionOptions(
        URI baseUrl, String securityKey, Duration connectTimeout, Duration requestTimeout,
        String defaultDbId, long maxBodyBytes, int concurrency, boolean redact, DatabaseOptions database) {

    public static final String DEFAULT_URL = "http://localhost:7777";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    /**
     * The size cap when none is given: 64 MB, or a tenth of the heap when that is less. A reply is held as bytes
     * and parsed into about 2.6 times its size in records (measured: a 25 MB search page fits in a 256 MB
     * heap, a 42 MB one does not), so the cap follows the heap the launcher gives ({@code -Xmx256m}: ~25 MB).
     */
    public static long defaultMaxBodyBytes() {
        return Math.max(4L * 1024 * 1024, Math.min(DEFAULT_MAX_BODY_BYTES, Runtime.getRuntime().maxMemory() / 10));
    }
    /** Requests in flight at once when a scan must fetch traces one by one (no search route). */
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final int MAX_CONCURRENCY = 32;

    /** Without a database: every answer comes from the HTTP API. */
    public ConnectionOptions(URI baseUrl, String securityKey, Duration connectTimeout, Duration requestTimeout,
            String defaultDbId, long maxBodyBytes, int concurrency, boolean redact) {
        this(baseUrl, securityKey, connectTimeout, requestTimeout, defaultDbId, maxBodyBytes, concurrency, redact, null);
    }

    public ConnectionOptions {
        if (securityKey != null && securityKey.isBlank()) {
            securityKey = null;
        }
        if (defaultDbId != null && defaultDbId.isBlank()) {
            defaultDbId = null;
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new ArgumentException("--concurrency must be from 1 to " + MAX_CONCURRENCY + ", not " + concurrency + ".");
        }
    }

    /**
     * Resolves the options from flags (null when not given) and the environment:
     * base URL from the flag, else AGENTOS_URL, else {@value #DEFAULT_URL}; the key from the key file,
     * else AGENTOS_SECURITY_KEY, else OS_SECURITY_KEY.
     */
    public static ConnectionOptions resolve(String baseUrlFlag, Path securityKeyFile, Duration connectTimeout,
            Duration requestTimeout, String dbId, Map<String, String> env) {
        String url = firstNonBlank(baseUrlFlag, env.get("AGENTOS_URL"), DEFAULT_URL);
        String key;
        if (securityKeyFile != null) {
            try {
                key = Files.readString(securityKeyFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new ArgumentException("Cannot read the security key file " + securityKeyFile + ": "
                        + e.getClass().getSimpleName() + ". Check the path given to --security-key-file.");
            }
            if (key.isEmpty()) {
                throw new ArgumentException("The security key file " + securityKeyFile + " is empty.");
            }
        } else {
            key = firstNonBlank(env.get("AGENTOS_SECURITY_KEY"), env.get("OS_SECURITY_KEY"), null);
        }
        return new ConnectionOptions(parseBaseUrl(url),
                key == null ? null : key.strip(),
                positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "--connect-timeout"),
                positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "--timeout"),
                firstNonBlank(dbId, env.get("AGENTOS_DB_ID"), null),
                defaultMaxBodyBytes(), DEFAULT_CONCURRENCY, "1".equals(env.get("AGENTOS_TRACES_REDACT"))
                        || "true".equalsIgnoreCase(env.get("AGENTOS_TRACES_REDACT")));
    }

    public static URI parseBaseUrl(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String shown = withoutCredentials(url.strip());
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("The AgentOS base URL '" + shown + "' is not a valid URL; use e.g. http://localhost:7777.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ArgumentException("The AgentOS base URL '" + shown + "' must not carry a user or password; "
                    + "set the key with AGENTOS_SECURITY_KEY or --security-key-file.");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ArgumentException("The AgentOS base URL '" + shown
                    + "' must be an http:// or https:// address with a host and no query, e.g. http://localhost:7777.");
        }
        return uri;
    }

    /** The URL as it may be shown: whatever stands between {@code //} and an {@code @} (a user, a password) masked. */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("//");
        int from = scheme < 0 ? 0 : scheme + 2;
        int end = from;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at < from ? url : url.substring(0, from) + "***" + url.substring(at);
    }

    private static Duration positive(Duration value, Duration fallback, String flag) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new ArgumentException(flag + " must be greater than zero.");
        }
        return value;
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c;
    }

    public ConnectionOptions withMaxBodyBytes(long bytes) {
        return new ConnectionOptions(baseUrl, securityKey, connectTimeout, requestTimeout, defaultDbId, bytes, concurrency,
                redact, database);
    }

    public ConnectionOptions withConcurrency(int n) {
        return new ConnectionOptions(baseUrl, securityKey, connectTimeout, requestTimeout, defaultDbId, maxBodyBytes, n,
                redact, database);
    }

    /** Inputs and outputs masked in every reply (see Redaction). */
    public ConnectionOptions withRedaction(boolean on) {
        return new ConnectionOptions(baseUrl, securityKey, connectTimeout, requestTimeout, defaultDbId, maxBodyBytes,
                concurrency, on, database);
    }

    /** Database mode: scans read AgentOS's own trace tables (read-only) instead of the HTTP API. */
    public ConnectionOptions withDatabase(DatabaseOptions db) {
        return new ConnectionOptions(baseUrl, securityKey, connectTimeout, requestTimeout, defaultDbId, maxBodyBytes,
                concurrency, redact, db);
    }

    @Override
    public String toString() {
        return "ConnectionOptions[baseUrl=" + baseUrl + ", securityKey=" + (securityKey == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", defaultDbId=" + defaultDbId + ", maxBodyBytes=" + maxBodyBytes + ", concurrency=" + concurrency + ", redact=" + redact
                + (database == null ? "" : ", database=" + database) + "]";
    }
}
