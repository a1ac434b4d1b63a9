package dev.agentos.traces.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a request is tried again: transient failures only, at most {@value #MAX_TRIES} tries, exponential
 * back-off with jitter, a server's {@code Retry-After} honoured (capped). GETs retry on a failed
 * connection and on 429/502/503/504. {@code POST /traces/search} retries only when the failure shows it was
 * not processed (connection refused, 429, or 503 with Retry-After). Timeouts and 4xx never retry: waiting
 * again or sending the same bad request again would not help.
 */
public final class RetryPolicy {

    public static final int MAX_TRIES = 3;
    static final long BASE_DELAY_MS = 100;
    static final long MAX_DELAY_MS = 10_000;

    /** Waits between tries; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    public static final RetryPolicy DEFAULT = new RetryPolicy(Thread::sleep, MAX_TRIES);
    public static final RetryPolicy NEVER = new RetryPolicy(ms -> { }, 1);

    private final Sleeper sleeper;
    private final int tries;

    public RetryPolicy(Sleeper sleeper, int tries) {
        this.sleeper = sleeper;
        this.tries = Math.max(1, Math.min(tries, MAX_TRIES));
    }

    boolean mayRetry(int attempt) {
        return attempt < tries;
    }

    static boolean transientStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** Before try {@code attempt + 1}; false when interrupted (then give up). */
    boolean pause(int attempt, String retryAfter) {
        long exp = BASE_DELAY_MS << (attempt - 1);
        long delay = exp + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        Long asked = retryAfterMillis(retryAfter, Instant.now());
        if (asked != null) {
            delay = Math.max(delay, asked);
        }
        try {
            sleeper.sleep(Math.min(delay, MAX_DELAY_MS));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Long retryAfterMillis(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Math.max(0, Long.parseLong(v)) * 1000;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
