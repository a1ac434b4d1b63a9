package dev.agentos.traces.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How big an answer is, in the unit a model budgets in: estimated tokens at 4 characters a token (the usual
 * rule of thumb for English and JSON; ids and numbers run a little denser). Stated at the end of every tool
 * answer ("≈ 1,240 tokens") so a model can decide whether to ask for more.
 */
public final class AnswerSize {

    static final int CHARS_PER_TOKEN = 4;
    private static final Pattern STATED = Pattern.compile("\\n\\(≈ ([0-9,]+) tokens\\)$");

    private AnswerSize() {
    }

    public static int tokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** {@code text} with its own size as its last line; the count includes that line. */
    public static String stated(String text) {
        String body = text.stripTrailing();
        int n = tokens(body + line(tokens(body)));
        return body + line(tokens(body + line(n)));
    }

    private static String line(int tokens) {
        return "\n(≈ " + String.format(Locale.ROOT, "%,d", tokens) + " tokens)";
    }

    /** The size a text states, or -1. */
    public static int statedIn(String text) {
        Matcher m = STATED.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
    }
}
