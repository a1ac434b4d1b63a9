package dev.agentos.traces.query;

/**
 * What a long scan tells its caller and asks of it: progress after each batch of traces, and whether
 * the request was cancelled (checked between requests; a cancelled scan throws {@link Cancelled}).
 */
public interface ScanControl {

    ScanControl NONE = new ScanControl() {
    };

    /** @param total the traces the scan will read (at most its limit), or 0 when not known yet */
    default void progress(long done, long total) {
    }

    /** One step of a long call that is not a count of traces (a run's event): {@code n} grows with each. */
    default void event(long n, String message) {
    }

    default boolean cancelled() {
        return false;
    }

    /** A scan stopped because its request was cancelled; no result is owed. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            this("The request was cancelled; no result.");
        }

        /** @param why one sentence: why the scan stopped (the client went away, the server is stopping) */
        public Cancelled(String why) {
            super(why, null, false, false);
        }
    }

    default void check() {
        if (cancelled()) {
            throw new Cancelled();
        }
    }
}
