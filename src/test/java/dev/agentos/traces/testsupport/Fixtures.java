package dev.agentos.traces.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real AgentOS 2.9.0 bodies under src/test/resources/agentos-2.9.0, unchanged, and their INDEX.txt. */
public final class Fixtures {

    public static final String DIR = "/agentos-2.9.0/";

    private Fixtures() {
    }

    /** A fixture body by its file name (e.g. {@code trace_detail_tool_error.json} or {@code auth/...}). */
    public static String body(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One INDEX.txt line: the file, the HTTP status it was captured with, and the request that produced it. */
    public record Entry(String file, int status, String method, String pathAndQuery, String body, String authorization,
            boolean authSection) {
    }

    public static List<Entry> index() {
        List<Entry> out = new ArrayList<>();
        boolean auth = false;
        for (String line : body("INDEX.txt").split("\n")) {
            if (line.startsWith("# --- server restarted")) {
                auth = true;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String file = cols[0];
            int status = Integer.parseInt(cols[1]);
            String req = cols[2];
            String body = null;
            String authz = null;
            int b = req.indexOf("  body=");
            if (b >= 0) {
                body = req.substring(b + 7);
                int paren = body.indexOf("   (");
                if (paren >= 0) {
                    body = body.substring(0, paren);
                }
                req = req.substring(0, b);
            }
            int a = req.indexOf("  Authorization: ");
            if (a >= 0) {
                authz = req.substring(a + 17).strip();
                req = req.substring(0, a);
            }
            String[] mp = req.strip().split(" ", 2);
            out.add(new Entry(file, status, mp[0], mp[1].strip(), body, authz, auth));
        }
        return out;
    }
}
