package dev.agentos.traces.client;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Keeps our secrets (the AgentOS key, the MCP auth token) out of every text that came from upstream: an
 * AgentOS or proxy that echoes the request's headers in an error body must not put the key on a terminal,
 * in the model's context or on {@code /healthz}. Every {@link AgentOsException} message passes through here.
 */
public final class Secrets {

    static final String MASK = "***";
    private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();
    /** Any bearer credential, ours or not (a proxy may echo one we never registered). */
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)(\\s+|%20|\\+)[A-Za-z0-9._~+/=:-]{4,}");

    private Secrets() {
    }

    /** Registers a secret to scrub (with its URL- and JSON-escaped forms); short or blank values are ignored. */
    public static void register(String secret) {
        if (secret == null || secret.strip().length() < 4) {
            return;
        }
        KNOWN.add(secret);
        KNOWN.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        KNOWN.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    }

    /** The text with every registered secret and any bearer credential replaced by {@value #MASK}. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : KNOWN) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return BEARER.matcher(out).replaceAll("$1 " + MASK);
    }
}
