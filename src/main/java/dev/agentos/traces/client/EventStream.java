package dev.agentos.traces.client;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A run's {@code text/event-stream}, event by event (the SSE format: {@code event:} and {@code data:} lines, a
 * blank line ends an event). {@link #close()} may be called from another thread to stop a blocked read.
 */
public final class EventStream implements Closeable {

    private final HttpTransport.Streaming response;
    private final InputStream in;
    private final long maxEventBytes;
    private final String what;
    private volatile boolean closed;

    EventStream(HttpTransport.Streaming response, long maxEventBytes, String what) {
        this.response = response;
        this.in = new java.io.BufferedInputStream(response.body(), 8192);
        this.maxEventBytes = maxEventBytes;
        this.what = what;
    }

    /** The next event, or null at the end of the stream. */
    public RunEvent next() {
        String name = null;
        StringBuilder data = null;
        try {
            while (true) {
                String line = readLine();
                if (line == null) {
                    return data == null ? null : RunEvent.parse(name, data.toString());
                }
                if (line.isEmpty()) {
                    if (data != null) {
                        return RunEvent.parse(name, data.toString());
                    }
                    name = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue; // a comment (keep-alive)
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    name = value;
                } else if (field.equals("data")) {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    if (data.length() > maxEventBytes) {
                        throw new AgentOsException.BadResponse("An event of " + what + " is larger than the size cap ("
                                + maxEventBytes / (1024 * 1024) + " MB).");
                    }
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AgentOsException.Timeout(what + " (waiting for its next event)",
                    java.time.Duration.ofMillis(UrlConnectionTransport.STREAM_GAP_MS), false);
        } catch (IOException e) {
            if (closed) {
                return null;
            }
            throw new AgentOsException.Unreachable("the run's event stream", "the connection broke during " + what);
        }
    }

    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private String readLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return trimCr();
            }
            line.write(b);
            if (line.size() > maxEventBytes) {
                throw new AgentOsException.BadResponse("A line of " + what + " is larger than the size cap.");
            }
        }
        return line.size() == 0 ? null : trimCr();
    }

    private String trimCr() {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        response.close();
    }
}
