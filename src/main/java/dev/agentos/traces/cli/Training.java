package dev.agentos.traces.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.client.Json;
import dev.agentos.traces.query.LatestTrace;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training run behind the launcher's CLI class-data archive ({@code agentos-traces-mcp __train}, hidden):
 * runs {@code list}, {@code list --json}, {@code get}, {@code stats} and {@code tokens} exactly as a person
 * would, so the archive holds what they load (HTTP, parsing, analysis, rendering). They talk to a stand-in
 * AgentOS inside this process, on loopback, that answers with bodies captured from a real one (agno 2.9.0:
 * {@code training.json} holds the test fixtures traces_limit5_page1, trace_detail_tool_ok, trace_session_stats
 * and search_no_filter, the last with its {@code meta} set to one page of 100 holding its one trace, so that
 * {@code tokens} reads it once); no real AgentOS is ever contacted and nothing is printed. A command that fails,
 * or a route it never reached, makes the run fail, and the launcher then keeps no archive.
 */
final class Training {

    static final String COMMAND = "__train";

    private Training() {
    }

    static int run(PrintWriter err) {
        JsonNode bodies;
        try (InputStream in = Training.class.getResourceAsStream("training.json")) {
            bodies = Json.MAPPER.readTree(in);
        } catch (IOException | RuntimeException e) {
            err.println("training: cannot read its bodies: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
        String traceId = bodies.path("detail").path("trace_id").asText();
        try (Stub stub = new Stub(bodies)) {
            String url = "http://127.0.0.1:" + stub.port();
            // a terminal with colour, as a person has; stderr not a terminal: no progress bar thread
            Context ctx = new Context(Map.of(), Clock.systemUTC(), true, LatestTrace.Sleeper.REAL, false);
            List<List<String>> commands = List.of(List.of("list", "--limit", "20"), List.of("list", "--json"),
                    List.of("get", traceId), List.of("stats"), List.of("tokens"));
            for (List<String> command : commands) {
                String[] args = new String[command.size() + 2];
                command.toArray(args);
                args[args.length - 2] = "--base-url";
                args[args.length - 1] = url;
                StringWriter problems = new StringWriter();
                int code = Main.run(args, ctx, new PrintWriter(Writer.nullWriter()), new PrintWriter(problems), true);
                if (code != 0) {
                    err.println("training: " + String.join(" ", command) + " exited " + code + ": " + problems.toString().strip());
                    return code;
                }
            }
            for (String route : Stub.ROUTES) {
                if (stub.served(route) == 0) {
                    err.println("training: no request reached " + route);
                    return ExitCodes.INTERNAL;
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("training: cannot listen on loopback: " + e.getMessage());
            return ExitCodes.INTERNAL;
        }
    }

    /** The smallest HTTP/1.1 server that answers the CLI's requests: a thread per connection, keep-alive honoured. */
    private static final class Stub implements AutoCloseable {
        /** What it answers, each with one captured body; anything else is 404. */
        static final List<String> ROUTES = List.of("list", "detail", "stats", "search");

        private final ServerSocket socket;
        private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

        Stub(JsonNode bodies) throws IOException {
            for (String route : ROUTES) {
                this.bodies.put(route, Json.MAPPER.writeValueAsBytes(bodies.get(route)));
            }
            this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "training-stub");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int served(String route) {
            AtomicInteger n = served.get(route);
            return n == null ? 0 : n.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    Thread t = new Thread(() -> serve(connection), "training-stub-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
                    OutputStream out = connection.getOutputStream()) {
                String requestLine;
                while ((requestLine = line(in)) != null && !requestLine.isEmpty()) {
                    long length = 0;
                    for (String header; (header = line(in)) != null && !header.isEmpty(); ) {
                        int colon = header.indexOf(':');
                        if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                            length = Long.parseLong(header.substring(colon + 1).trim());
                        }
                    }
                    in.skipNBytes(length);
                    String[] parts = requestLine.split(" ");
                    String route = parts.length > 1 ? route(parts[0], parts[1]) : null;
                    byte[] body;
                    String status;
                    if (route == null) {
                        status = "404 Not Found";
                        body = "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
                    } else {
                        served.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
                        status = "200 OK";
                        body = bodies.get(route);
                    }
                    out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                }
            } catch (IOException | RuntimeException gone) {
                // the client closed its connection: nothing to do
            }
        }

        /** Which captured body answers this request, or null for 404 (the filter schema: the built-in one is used). */
        private static String route(String method, String target) {
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            if (method.equals("POST")) {
                return path.equals("/traces/search") ? "search" : null;
            }
            if (path.equals("/traces")) {
                return "list";
            }
            if (path.equals("/trace_session_stats")) {
                return "stats";
            }
            return path.startsWith("/traces/") && !path.equals("/traces/filter-schema") ? "detail" : null;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    return b.toString(StandardCharsets.US_ASCII).stripTrailing(); // without the CR
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
