package dev.agentos.traces.cli;

import dev.agentos.traces.client.ArgumentException;
import dev.agentos.traces.render.Style;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --color=auto|always|never}. auto colours only when stdout is a terminal and NO_COLOR is unset or
 * empty (no-color.org); an explicit {@code --color=always} wins over NO_COLOR, as that convention asks.
 */
final class ColorMixin {

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", completionCandidates = Whens.class,
            description = "Colour: auto (when stdout is a terminal and NO_COLOR is not set), always or never. "
                    + "Default: ${DEFAULT-VALUE}.")
    String when = "auto";

    Style style(Context ctx) {
        return choose(when, ctx);
    }

    static Style choose(String when, Context ctx) {
        return switch (when == null ? "auto" : when.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> Style.ANSI;
            case "never" -> Style.PLAIN;
            case "auto" -> ctx.terminal().stdoutTty() && !noColor(ctx.env()) ? Style.ANSI : Style.PLAIN;
            default -> throw new ArgumentException("--color must be auto, always or never, not '" + when.strip() + "'.");
        };
    }

    /** NO_COLOR present with any non-empty value. */
    static boolean noColor(Map<String, String> env) {
        String v = env.get("NO_COLOR");
        return v != null && !v.isEmpty();
    }

    static final class Whens implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("auto", "always", "never").iterator();
        }
    }
}
