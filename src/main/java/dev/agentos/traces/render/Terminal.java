package dev.agentos.traces.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text from traces safe to show: trace content is attacker-influenced (user input, tool errors, model
 * output), so control characters, escape sequences and bidi overrides are shown escaped ({@code \x1b},
 * {@code \\u202e} for U+202E) instead of reaching a terminal (clear screen, set title, hidden or reordered text) or the
 * model's context. Line breaks and tabs stay. Used on every CLI output but {@code --json} and on MCP text.
 */
public final class Terminal {

    /** Exactly the SGR sequences {@link Style#ANSI} writes: kept by {@link #escapeKeepingStyle}. */
    private static final Pattern OWN_STYLE = Pattern.compile("\u001b\\[(?:0|1|2|31|32|33)m");

    private Terminal() {
    }

    /** True for a character a terminal would act on rather than show, or that reorders or hides text. */
    static boolean unsafe(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c == '\u061c' || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029' || c == '\ufeff';
    }

    /** The text with every unsafe character written as {@code \xNN} or a backslash, u and four hex digits. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s; // the common case: nothing to escape, no copy
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c <= 0xff) {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * As {@link #escape}, but our own colours ({@link Style#ANSI}) stay. For text whose data parts were already
     * escaped (so every colour left in it is ours).
     */
    public static String escapeKeepingStyle(String s) {
        if (s == null || s.indexOf('\u001b') < 0) {
            return escape(s);
        }
        StringBuilder b = new StringBuilder(s.length());
        Matcher m = OWN_STYLE.matcher(s);
        int at = 0;
        while (m.find()) {
            b.append(escape(s.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return b.append(escape(s.substring(at))).toString();
    }
}
