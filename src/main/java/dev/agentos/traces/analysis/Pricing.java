package dev.agentos.traces.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.client.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Prices per million tokens, by model id. The shipped table ({@code pricing.json}) names its source and
 * date; a user's file (same format) overrides or adds models. A model is priced only when its id equals
 * a table key or is a key plus a dated snapshot suffix ({@code gpt-4o-2024-08-06}, {@code -latest}):
 * nothing is guessed.
 */
public record Pricing(String source, String asOf, String currency, Map<String, Price> models) {

    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    private static final Pattern SNAPSHOT = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest|\\d{3,4})$");

    public Pricing {
        models = Collections.unmodifiableMap(new TreeMap<>(models));
    }

    private static volatile Pricing defaults;
    private static volatile Pricing configured;

    /**
     * Sets the table {@link #current()} returns: the shipped one with {@code file} laid over it. Read now,
     * so a bad file is reported at start-up rather than at the first question.
     */
    public static void useFile(Path file) {
        configured = file == null ? null : load(file);
    }

    /** The table in use: the shipped one, or the one {@link #useFile} configured. */
    public static Pricing current() {
        Pricing c = configured;
        return c != null ? c : defaults();
    }

    public static Pricing defaults() {
        Pricing d = defaults;
        if (d == null) {
            try (InputStream in = Pricing.class.getResourceAsStream("/pricing.json")) {
                d = parse(Json.MAPPER.readTree(in), "the shipped pricing table");
            } catch (IOException e) {
                throw new IllegalStateException("pricing.json is missing from the jar", e);
            }
            defaults = d;
        }
        return d;
    }

    /** The shipped table with the user's file laid over it ({@code file} null: the shipped table). */
    public static Pricing load(Path file) {
        Pricing base = defaults();
        if (file == null) {
            return base;
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ArgumentException("Cannot read the pricing file " + file + " (" + e.getClass().getSimpleName()
                    + "); give --pricing-file a JSON file like the one `agentos://pricing` shows.");
        }
        Pricing user = parse(n, "the pricing file " + file);
        Map<String, Price> merged = new TreeMap<>(base.models());
        merged.putAll(user.models());
        String source = user.source() == null ? base.source() : user.source() + "; otherwise " + base.source();
        return new Pricing(source, user.asOf() == null ? base.asOf() : user.asOf(),
                user.currency() == null ? base.currency() : user.currency(), merged);
    }

    static Pricing parse(JsonNode n, String what) {
        if (n == null || !n.isObject() || !n.path("models").isObject()) {
            throw new ArgumentException(what + " must be a JSON object with a \"models\" object "
                    + "({\"models\": {\"gpt-4o\": {\"input\": 2.5, \"output\": 10}}}, prices per million tokens).");
        }
        Map<String, Price> models = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("models").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode in = e.getValue().get("input");
            JsonNode out = e.getValue().get("output");
            if (in == null || out == null || !in.isNumber() || !out.isNumber() || in.decimalValue().signum() < 0
                    || out.decimalValue().signum() < 0) {
                throw new ArgumentException(what + ": model " + e.getKey()
                        + " needs \"input\" and \"output\" prices per million tokens (numbers >= 0).");
            }
            models.put(e.getKey(), new Price(in.decimalValue(), out.decimalValue()));
        }
        return new Pricing(text(n, "source"), text(n, "as_of"), text(n, "currency"), models);
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    /** The price of a model, or null when the table does not know it. */
    public Price lookup(String model) {
        if (model == null) {
            return null;
        }
        Price p = models.get(model);
        if (p != null) {
            return p;
        }
        String base = SNAPSHOT.matcher(model).replaceFirst("");
        if (!base.equals(model)) {
            return models.get(base);
        }
        return null;
    }

    public List<String> modelIds() {
        return List.copyOf(models.keySet());
    }
}
