package dev.agentos.traces.mcp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets stdio answers finish when stdin closes. The SDK ends the session at stdin EOF, dropping replies
 * still being computed, so a client that writes its requests and closes stdin (a script, a pipe) would
 * lose them. Here EOF is handed on only once no tool call is running and stdout has been quiet
 * briefly (bounded, so EOF still ends the process). EOF is also the client's way to end the session, so
 * long scans are cancelled at once (before their next AgentOS request) rather than finished for nobody.
 */
final class EofDrain {

    private final AtomicInteger toolCallsInFlight = new AtomicInteger();
    /** Generous: before our handler runs, the SDK parses, dispatches and (first time) builds its validator. */
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long MAX_WAIT_NANOS = 60_000_000_000L;

    private static final long EXIT_GRACE_MS = 2_000;

    private volatile long lastActivity = System.nanoTime();
    private volatile boolean exitScheduled;

    /** Runs a tool call, counted as in flight until it returns. */
    <T> T during(java.util.function.Supplier<T> call) {
        toolCallsInFlight.incrementAndGet();
        try {
            return call.get();
        } finally {
            toolCallsInFlight.decrementAndGet();
        }
    }

    InputStream input(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return eof(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return eof(super.read(b, off, len));
            }
        };
    }

    OutputStream output(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // not FilterOutputStream's byte-at-a-time default
                lastActivity = System.nanoTime();
            }

            @Override
            public void flush() throws IOException {
                out.flush();
                // System.out swallows write errors; a broken pipe (the client stopped reading) shows here
                if (out instanceof PrintStream ps && ps.checkError()) {
                    stdoutGone();
                }
            }
        };
    }

    /**
     * Nobody reads our replies any more (SIGPIPE: the JVM ignores the signal and the writes fail): serving
     * on would only compute answers into the void, so the process ends, with one line on stderr.
     */
    private void stdoutGone() {
        if (exitScheduled) {
            return;
        }
        exitScheduled = true;
        System.err.println("agentos-traces-mcp: stdout is closed (the MCP client stopped reading); exiting");
        Thread t = new Thread(() -> System.exit(0), "stdout-closed-exit"); // not from inside the writer's locks
        t.setDaemon(true);
        t.start();
    }

    /**
     * stdin closing means the client is gone: the process must end. Normally the SDK's session close lets
     * the JVM exit by itself; in some states (a request sent before notifications/initialized, then EOF)
     * its idle executor threads keep it alive. This daemon ends the process if it is still here after the
     * replies have drained and a short grace.
     */
    private void exitSoon() {
        if (exitScheduled) {
            return;
        }
        exitScheduled = true;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MS);
            } catch (InterruptedException e) {
                return;
            }
            System.out.flush();
            System.exit(0);
        }, "stdin-eof-exit");
        t.setDaemon(true);
        t.start();
    }

    private int eof(int n) {
        if (n >= 0) {
            lastActivity = System.nanoTime();
            return n;
        }
        // the client is gone: running scans stop before their next request; short calls still finish
        Cancellations.cancelAll();
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (System.nanoTime() < deadline
                && (toolCallsInFlight.get() > 0 || System.nanoTime() - lastActivity < QUIET_NANOS)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        exitSoon();
        return n;
    }
}
