package dev.agentos.traces.render;

import java.time.Instant;

/** Small text helpers shared by the views: bounded strings with visible markers. */
public final class Text {

    /** Every tool's text stays under this many chars (about 4,000 tokens at 4 chars a token). */
    public static final int BUDGET = 16_000;
    /** Room kept for the closing lines after a list is cut. */
    static final int TAIL_ROOM = 1_500;

    private Text() {
    }

    /** True when a list being rendered into {@code b} must stop to leave room for its closing lines. */
    static boolean full(StringBuilder b) {
        return b.length() > BUDGET - TAIL_ROOM;
    }

    /** One line, at most {@code max} chars, with {@code …(+N chars)} when cut. */
    public static String line(String s, int max) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\s+", " ").strip();
        if (one.length() <= max) {
            return one;
        }
        return one.substring(0, max) + "…(+" + (one.length() - max) + " chars)";
    }

    /** Quoted one-line excerpt. */
    public static String quote(String s, int max) {
        return s == null ? null : "\"" + line(s, max) + "\"";
    }

    /** Cuts a multi-line value, keeping line breaks, marking what is left. */
    public static String block(String s, int max, String howToGetMore) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "\n…[cut: " + (s.length() - max) + " more chars; " + howToGetMore + "]";
    }

    public static String time(Instant t) {
        return t == null ? "?" : t.toString();
    }

    /** A fixed-width column for terminals, cut with … when too long. */
    static String pad(String s, int width) {
        String v = s == null ? "" : s;
        if (v.length() > width) {
            return v.substring(0, width - 1) + "…";
        }
        return v + " ".repeat(width - v.length());
    }
}
