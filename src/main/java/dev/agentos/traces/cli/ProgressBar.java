package dev.agentos.traces.cli;

import java.io.PrintWriter;

/**
 * A progress bar on stderr for long scans: {@code [#####               ] 120/1000 traces}, redrawn in place
 * with {@code \r}. Off (every call does nothing) when stderr is not a terminal, so logs and pipes never
 * see it; stdout is never touched. Safe to call from several threads.
 */
final class ProgressBar {

    static final int WIDTH = 20;

    private final PrintWriter err;
    private final boolean enabled;
    private final String unit;
    private String shown = "";

    ProgressBar(PrintWriter err, boolean enabled, String unit) {
        this.err = err;
        this.enabled = enabled;
        this.unit = unit;
    }

    /** On only when stderr is a terminal. */
    static ProgressBar onStderr(Context ctx, PrintWriter err, String unit) {
        return new ProgressBar(err, ctx.terminal().stderrTty(), unit);
    }

    boolean enabled() {
        return enabled;
    }

    /** Redraws the bar when what it shows changed. {@code total <= 0}: not known yet, only the count. */
    synchronized void update(long done, long total) {
        if (!enabled) {
            return;
        }
        String line = render(done, total, unit);
        if (line.equals(shown)) {
            return;
        }
        // pad over a longer previous line so no stale characters remain
        String pad = " ".repeat(Math.max(0, shown.length() - line.length()));
        err.print("\r" + line + pad);
        err.flush();
        shown = line;
    }

    /** Wipes the bar so the result (or an error line) starts on a clean line. */
    synchronized void finish() {
        if (!enabled || shown.isEmpty()) {
            return;
        }
        err.print("\r" + " ".repeat(shown.length()) + "\r");
        err.flush();
        shown = "";
    }

    static String render(long done, long total, String unit) {
        if (total <= 0) {
            return done + " " + unit;
        }
        long d = Math.max(0, Math.min(done, total));
        int filled = (int) (d * WIDTH / total);
        return "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + d + "/" + total + " " + unit;
    }
}
