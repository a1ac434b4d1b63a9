package dev.agentos.traces.cli;

/**
 * How long a polling command ({@code list --watch}, {@code watch}) waits before its next request: the interval
 * after news, longer while nothing happens (up to {@code idleMax}), twice as long after each error (up to 60 s).
 * Never a tight loop.
 */
final class Backoff {

    static final long ERROR_MAX_MS = 60_000;

    private final long baseMs;
    private final long idleMaxMs;
    private long waitMs;

    /** @param idleMaxMs equal to {@code baseMs} to poll at a steady pace while idle */
    Backoff(long baseMs, long idleMaxMs) {
        this.baseMs = baseMs;
        this.idleMaxMs = Math.max(baseMs, idleMaxMs);
        this.waitMs = baseMs;
    }

    /** After a poll that brought something new (or the first one). */
    long news() {
        waitMs = baseMs;
        return waitMs;
    }

    /** After a poll that found nothing new: half again as long, up to the idle cap. */
    long idle() {
        waitMs = Math.min(idleMaxMs, Math.max(baseMs, waitMs * 3 / 2));
        return waitMs;
    }

    /** After a failed poll: twice as long, up to a minute. */
    long error() {
        waitMs = Math.min(ERROR_MAX_MS, waitMs * 2);
        return waitMs;
    }
}
