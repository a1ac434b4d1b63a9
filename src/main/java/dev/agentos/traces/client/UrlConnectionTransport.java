package dev.agentos.traces.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link HttpTransport} on the JDK's {@link HttpURLConnection}: no start-up cost (a
 * {@code java.net.http.HttpClient} costs ~200 ms to build and keeps a selector thread that delays
 * JVM exit on JDK 17), keep-alive connection reuse, and nothing to close.
 */
public final class UrlConnectionTransport implements HttpTransport {

    static {
        // POST /traces/search is read-only, but never let the JDK silently resend a request body.
        System.setProperty("sun.net.http.retryPost", "false");
        // keep as many idle connections as a scan runs requests at once (the JDK keeps 5 by default)
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(ConnectionOptions.MAX_CONCURRENCY));
        }
    }

    private final int connectTimeoutMs;
    private final int requestTimeoutMs;
    private final long maxBodyBytes;

    public UrlConnectionTransport(ConnectionOptions options) {
        this.connectTimeoutMs = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        this.requestTimeoutMs = (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis());
        this.maxBodyBytes = options.maxBodyBytes();
    }

    /**
     * Ends exchanges that pass their deadline: the socket timeouts bound each read, not the whole exchange,
     * so a server that sends one header line a second would hold a call for ever. One daemon thread, made
     * on first use, shared by every call.
     */
    private static final class Deadlines {
        static final ScheduledThreadPoolExecutor TIMER;

        static {
            TIMER = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "agentos-deadline");
                t.setDaemon(true);
                return t;
            });
            TIMER.setRemoveOnCancelPolicy(true); // a call that ends in time leaves no task behind
        }
    }

    @Override
    public Response send(Request request) throws IOException {
        long deadline = System.nanoTime() + requestTimeoutMs * 1_000_000L;
        HttpURLConnection conn = (HttpURLConnection) request.uri().toURL().openConnection();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = Deadlines.TIMER.schedule(() -> {
            expired.set(true);
            conn.disconnect(); // closes the socket: a read blocked on headers or body fails now
        }, requestTimeoutMs, TimeUnit.MILLISECONDS);
        try {
            return exchange(conn, request, deadline);
        } catch (IOException e) {
            conn.disconnect(); // do not return a half-read connection to the keep-alive pool
            if (expired.get() && !(e instanceof SocketTimeoutException)) {
                throw new SocketTimeoutException("request deadline passed");
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }

    private Response exchange(HttpURLConnection conn, Request request, long deadline) throws IOException {
        int status = open(conn, request, requestTimeoutMs);
        InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
        byte[] body = in == null ? new byte[0] : readCapped(in, deadline);
        return new Response(status, body, conn.getContentType(), conn.getHeaderField("Retry-After"));
    }

    /** Sends the request on {@code conn} (no redirects, no caches, our timeouts) and returns the status. */
    private int open(HttpURLConnection conn, Request request, int readTimeoutMs) throws IOException {
        conn.setInstanceFollowRedirects(false); // a redirect must not carry our key elsewhere
        conn.setUseCaches(false);
        conn.setConnectTimeout(connectTimeoutMs);
        conn.setReadTimeout(readTimeoutMs);
        conn.setRequestMethod(request.method());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            conn.setRequestProperty(h.getKey(), h.getValue());
        }
        if (request.body() != null) {
            conn.setDoOutput(true);
            conn.setFixedLengthStreamingMode(request.body().length);
            try (OutputStream out = conn.getOutputStream()) {
                out.write(request.body());
            }
        }
        return conn.getResponseCode();
    }

    /**
     * For event streams: each read may wait up to the stream gap (a model or tool can be silent for minutes),
     * there is no overall deadline, and closing the result disconnects, which ends a read blocked in another thread.
     */
    @Override
    public Streaming stream(Request request) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) request.uri().toURL().openConnection();
        try {
            int status = open(conn, request, Math.max(requestTimeoutMs, STREAM_GAP_MS));
            InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
            return new Streaming(status, conn.getContentType(), in == null ? InputStream.nullInputStream() : in,
                    conn::disconnect);
        } catch (IOException e) {
            conn.disconnect();
            throw e;
        }
    }

    /** Longest silence between two events of a run's stream before it counts as timed out. */
    static final int STREAM_GAP_MS = 300_000;

    private byte[] readCapped(InputStream in, long deadline) throws IOException {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
            byte[] chunk = new byte[16384];
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (buf.size() + (long) n > maxBodyBytes) {
                    throw new BodyTooLargeException(maxBodyBytes);
                }
                buf.write(chunk, 0, n);
                if (System.nanoTime() > deadline) { // a server that dribbles bytes forever
                    throw new SocketTimeoutException("request deadline passed while reading the body");
                }
            }
            return buf.toByteArray();
        }
    }
}
