package dev.agentos.traces.render;

/** Emphasis for a person at a terminal: ANSI colours, or nothing at all (pipes, files, NO_COLOR, MCP). */
public interface Style {

    String red(String s);

    String green(String s);

    String yellow(String s);

    String dim(String s);

    String bold(String s);

    Style PLAIN = new Style() {
        public String red(String s) {
            return s;
        }

        public String green(String s) {
            return s;
        }

        public String yellow(String s) {
            return s;
        }

        public String dim(String s) {
            return s;
        }

        public String bold(String s) {
            return s;
        }
    };

    Style ANSI = new Style() {
        public String red(String s) {
            return "\u001b[31m" + s + "\u001b[0m";
        }

        public String green(String s) {
            return "\u001b[32m" + s + "\u001b[0m";
        }

        public String yellow(String s) {
            return "\u001b[33m" + s + "\u001b[0m";
        }

        public String dim(String s) {
            return "\u001b[2m" + s + "\u001b[0m";
        }

        public String bold(String s) {
            return "\u001b[1m" + s + "\u001b[0m";
        }
    };
}
