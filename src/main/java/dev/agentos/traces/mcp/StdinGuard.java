package dev.agentos.traces.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.traces.client.Json;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Keeps one bad line on stdin from ending the session. The SDK's stdio transport stops reading after a
 * line it cannot parse; JSON-RPC asks for an error reply instead. Each line is checked here: a line that
 * is not JSON gets {@code -32700 Parse error}, a JSON value that is not an object (a batch, a number) gets
 * {@code -32600 Invalid Request}, both with {@code id: null}, and never reaches the SDK. The replies are
 * written only between the SDK's own lines, so stdout stays one JSON-RPC message per line.
 */
final class StdinGuard {

    /**
     * Longer lines are refused whole, here: a line the SDK finds too long (over 16,777,216 characters) ends its
     * session. A line of this many bytes has at most as many characters, with room for the {@code _meta} tag
     * {@link Cancellations#track} may add.
     */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024 - 64 * 1024;

    private final Object lock = new Object();
    private final Queue<byte[]> pending = new ArrayDeque<>();
    private OutputStream raw;
    private boolean atLineStart = true;

    /** stdout, with our error replies slotted in at line boundaries. */
    OutputStream output(OutputStream raw) {
        this.raw = raw;
        return new FilterOutputStream(raw) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (lock) {
                    raw.write(b, off, len);
                    if (len > 0) {
                        atLineStart = b[off + len - 1] == '\n';
                    }
                    drain();
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (lock) {
                    raw.flush();
                }
            }
        };
    }

    private void drain() throws IOException {
        if (!atLineStart) {
            return;
        }
        boolean wrote = false;
        while (!pending.isEmpty()) {
            raw.write(pending.poll());
            wrote = true;
        }
        if (wrote) {
            raw.flush();
        }
    }

    private void reply(int code, String message) {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code + ",\"message\":"
                + Json.MAPPER.valueToTree(message).toString() + "}}\n";
        synchronized (lock) {
            pending.add(json.getBytes(StandardCharsets.UTF_8));
            try {
                if (raw != null) {
                    drain();
                }
            } catch (IOException ignored) {
                // stdout is gone: the session is ending anyway
            }
        }
    }

    /** stdin, passing on only lines that are JSON objects (and blank lines). */
    InputStream input(InputStream raw) {
        return new InputStream() {
            private byte[] line = new byte[0];
            private int pos;
            private boolean eof;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (pos >= line.length) {
                    if (eof) {
                        return -1;
                    }
                    next();
                }
                int n = Math.min(len, line.length - pos);
                System.arraycopy(line, pos, b, off, n);
                pos += n;
                return n;
            }

            private void next() throws IOException {
                ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
                boolean tooLong = false;
                int c;
                while ((c = raw.read()) != -1 && c != '\n') {
                    if (buf.size() < MAX_LINE_BYTES) {
                        buf.write(c);
                    } else {
                        tooLong = true;
                    }
                }
                if (c == -1) {
                    eof = true;
                    if (buf.size() == 0) {
                        line = new byte[0];
                        pos = 0;
                        return;
                    }
                }
                byte[] bytes = buf.toByteArray();
                pos = 0;
                if (tooLong) {
                    reply(-32600, "Invalid Request: a line longer than " + MAX_LINE_BYTES + " bytes was dropped.");
                    line = new byte[0];
                } else {
                    byte[] ok = acceptable(bytes);
                    line = ok == null ? new byte[0] : appendNewline(ok);
                }
            }
        };
    }

    /** The line to pass on, or null when it was answered here. */
    private byte[] acceptable(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i == bytes.length) {
            return bytes; // blank: harmless, pass it on
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            reply(-32700, "Parse error: a line on stdin is not JSON; send one JSON-RPC message per line.");
            return null;
        }
        if (n == null || !n.isObject()) {
            reply(-32600, "Invalid Request: send one JSON-RPC object per line (batches are not supported).");
            return null;
        }
        return Cancellations.track((ObjectNode) n, bytes, "");
    }

    private static byte[] appendNewline(byte[] b) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        out[b.length] = '\n';
        return out;
    }
}
