package dev.agentos.traces.mcp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets stdio answers finish when stdin closes. The SDK ends the session at stdin EOF, dropping replies
 * still being computed, so a client that writes its requests and closes stdin (a script, a pipe) would
 * lose them. Here EOF is handed on only once no tool call is running and stdout has been quiet
 * briefly (bounded, so EOF still ends the process).
 */
final class EofDrain {

    static final AtomicInteger TOOL_CALLS_IN_FLIGHT = new AtomicInteger();
    private static final long QUIET_NANOS = 150_000_000L;
    private static final long MAX_WAIT_NANOS = 60_000_000_000L;

    private volatile long lastActivity = System.nanoTime();

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
        };
    }

    private int eof(int n) {
        if (n >= 0) {
            lastActivity = System.nanoTime();
            return n;
        }
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (System.nanoTime() < deadline
                && (TOOL_CALLS_IN_FLIGHT.get() > 0 || System.nanoTime() - lastActivity < QUIET_NANOS)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return n;
    }
}
