package dev.agentos.traces.cli;

import dev.agentos.traces.query.ScanControl;
import java.io.PrintWriter;

/**
 * {@code [##########··········] 4200/10000 traces} on stderr while a scan runs, redrawn in place at most
 * every 100 ms and erased when done. Only for a person at a terminal: elsewhere it prints nothing.
 */
final class ProgressBar implements ScanControl, AutoCloseable {

    static final int WIDTH = 24;
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    static ProgressBar of(Context ctx, picocli.CommandLine.Model.CommandSpec spec) {
        return new ProgressBar(spec.commandLine().getErr(), ctx.stderrTerminal());
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (lastDraw != 0 && now - lastDraw < MIN_INTERVAL_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        String line = line(done, total);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    static String line(long done, long total) {
        if (total <= 0) {
            return "reading traces: " + done;
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return "[" + "#".repeat(filled) + "·".repeat(WIDTH - filled) + "] " + done + "/" + total + " traces";
    }

    /** Erases the bar so the answer starts on a clean line. */
    @Override
    public void close() {
        if (enabled && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }
}
