package dev.agentos.traces.client;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The one seam between us and an HTTP stack. Kept tiny so the choice of stack (measured: see
 * README "Why HttpURLConnection") stays a detail of {@link UrlConnectionTransport}.
 */
public interface HttpTransport {

    record Request(String method, URI uri, Map<String, String> headers, byte[] body) {
    }

    /** {@code retryAfter}: the raw Retry-After header, or null. */
    record Response(int status, byte[] body, String contentType, String retryAfter) {
    }

    /**
     * Sends the request and reads the whole body.
     *
     * @throws java.net.SocketTimeoutException on a connect or read timeout
     * @throws BodyTooLargeException when the body exceeds the cap
     * @throws IOException when the connection fails
     */
    Response send(Request request) throws IOException;

    /**
     * Sends the request and hands back the body as it arrives (an event stream). {@link Streaming#close()} may be
     * called from another thread to end a blocked read. The default reads the whole body first (test fakes).
     */
    default Streaming stream(Request request) throws IOException {
        Response r = send(request);
        return new Streaming(r.status(), r.contentType(), new java.io.ByteArrayInputStream(r.body()), () -> { });
    }

    /** A response being read; {@code abort} drops the connection. */
    record Streaming(int status, String contentType, java.io.InputStream body, Runnable abort)
            implements java.io.Closeable {
        @Override
        public void close() {
            abort.run();
        }
    }

    final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long cap) {
            super("body larger than " + cap + " bytes");
        }
    }
}
