package dev.agentos.traces.render;

import java.util.regex.Pattern;

/**
 * Colour for terminals: ANSI SGR codes around a piece of text, or nothing at all. {@link #PLAIN} returns
 * its argument unchanged, so a view written with a Style prints the same characters as without one.
 * Only the CLI ever picks {@link #ANSI}; MCP output is always plain.
 */
public final class Style {

    public static final Style PLAIN = new Style(false);
    public static final Style ANSI = new Style(true);

    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    public boolean on() {
        return on;
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    private String wrap(String code, String s) {
        return !on || s == null || s.isEmpty() ? s : "\u001b[" + code + "m" + s + "\u001b[0m";
    }

    /** The text without colour codes. */
    public static String strip(String s) {
        return SGR.matcher(s).replaceAll("");
    }

    /** Columns the text takes on a terminal: code points, colour codes not counted. */
    public static int width(String s) {
        String plain = strip(s);
        return plain.codePointCount(0, plain.length());
    }

    /** {@code s} then spaces up to {@code width} visible columns (left-aligned). */
    public static String padRight(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    /** Spaces up to {@code width} visible columns, then {@code s} (right-aligned). */
    public static String padLeft(String s, int width) {
        return " ".repeat(Math.max(0, width - width(s))) + s;
    }
}
