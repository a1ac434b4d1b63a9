package dev.agentos.traces.client;

/** Validation of ids that end up in a URL: bounded, printable, no path separators. */
public final class Ids {

    public static final int MAX_LENGTH = 256;

    private Ids() {
    }

    public static String optional(String name, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : required(name, v);
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ArgumentException(name + " is required.");
        }
        String v = value.strip();
        if (v.length() > MAX_LENGTH) {
            throw new ArgumentException(name + " is " + v.length() + " characters long; ids are at most "
                    + MAX_LENGTH + ".");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) || c == '/' || c == '\\') {
                throw new ArgumentException(name + " '" + Times.clip(v) + "' contains a control character or a slash; "
                        + "ids are plain text such as 16a3d91143cd09bae7f87594b93c261c.");
            }
        }
        return v;
    }
}
