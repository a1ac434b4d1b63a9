package dev.agentos.traces.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Reads FastAPI's {@code detail} out of an error body, whatever its shape. */
final class Details {

    private static final int MAX = 300;

    private Details() {
    }

    static String of(byte[] body) {
        if (body == null || body.length == 0) {
            return "no details given";
        }
        try {
            JsonNode root = Json.MAPPER.readTree(body);
            JsonNode d = root == null ? null : root.get("detail");
            if (d != null && d.isTextual()) {
                return clip(d.textValue());
            }
            if (d != null && d.isArray()) {
                StringJoiner j = new StringJoiner("; ");
                for (JsonNode e : d) {
                    j.add(validationItem(e));
                }
                return clip(j.toString());
            }
        } catch (Exception notJson) {
            // fall through to the raw text
        }
        String raw = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
        if (raw.stripLeading().startsWith("<")) {
            return "an HTML page instead of JSON (is a proxy in front of AgentOS?)";
        }
        return clip(raw.strip());
    }

    /** {@code {"loc":["query","limit"],"msg":"Input should be ...","input":"0"}} → {@code limit: Input should be ... (got 0)}. */
    private static String validationItem(JsonNode e) {
        StringBuilder b = new StringBuilder();
        JsonNode loc = e.get("loc");
        if (loc != null && loc.isArray() && loc.size() > 0) {
            b.append(loc.get(loc.size() - 1).asText()).append(": ");
        }
        b.append(e.path("msg").asText("invalid value"));
        JsonNode input = e.get("input");
        if (input != null && input.isValueNode() && !input.isNull()) {
            b.append(" (got ").append(input.asText()).append(')');
        }
        return b.toString();
    }

    static String withHint(String detail) {
        if (detail.contains("db_id query parameter is required")) {
            return detail + ". Pass db_id (or --db-id / AGENTOS_DB_ID); GET /config lists the ids.";
        }
        return detail;
    }

    private static String clip(String s) {
        String one = Secrets.scrub(s).replaceAll("[\\r\\n\\t]+", " ");
        return one.length() <= MAX ? one : one.substring(0, MAX) + "…";
    }
}
