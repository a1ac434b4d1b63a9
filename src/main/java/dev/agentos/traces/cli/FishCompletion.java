package dev.agentos.traces.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script made from the picocli command definitions (picocli generates only bash):
 * every subcommand with its description, every option of the top level and of each subcommand, with
 * its description, whether it takes a value, files for path options and the candidates it declares.
 */
final class FishCompletion {

    /** A full stop that ends a sentence (not "e.g. for"). */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("\\.\\s+(?=[A-Z$])");

    private FishCompletion() {
    }

    static String script(String name, CommandLine root) {
        StringBuilder b = new StringBuilder();
        b.append("# fish completion for ").append(name).append(", generated from its command definitions.\n")
                .append("# Install: ").append(name).append(" completion fish > ~/.config/fish/completions/")
                .append(name).append(".fish\n\n");
        String c = "complete -c " + name;
        b.append(c).append(" -f\n");
        List<String> subs = new ArrayList<>(root.getSubcommands().keySet());
        String atTop = "__fish_use_subcommand";
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            b.append(c).append(" -n ").append(quote(atTop)).append(" -a ").append(quote(e.getKey()))
                    .append(" -d ").append(quote(firstLine(e.getValue().getCommandSpec().usageMessage().description())))
                    .append('\n');
        }
        options(b, c, atTop, root.getCommandSpec());
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            b.append('\n');
            options(b, c, "__fish_seen_subcommand_from " + e.getKey(), e.getValue().getCommandSpec());
        }
        if (subs.contains("completion")) {
            b.append(c).append(" -n ").append(quote("__fish_seen_subcommand_from completion")).append(" -a ")
                    .append(quote(String.join(" ", CompletionCommand.SHELLS))).append('\n');
        }
        return b.toString();
    }

    private static void options(StringBuilder b, String c, String condition, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(c).append(" -n ").append(quote(condition));
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    b.append(" -l ").append(n.substring(2));
                } else if (n.startsWith("-") && n.length() == 2) {
                    b.append(" -s ").append(n.substring(1));
                } else {
                    b.append(" -o ").append(n.substring(1));
                }
            }
            if (o.arity().max() > 0) {
                b.append(" -r");
                Class<?> type = o.typeInfo().getType();
                if (Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)) {
                    b.append(" -F");
                } else if (o.completionCandidates() != null) {
                    List<String> values = new ArrayList<>();
                    o.completionCandidates().forEach(values::add);
                    b.append(" -a ").append(quote(String.join(" ", values)));
                }
            }
            b.append(" -d ").append(quote(firstLine(o.description()))).append('\n');
        }
    }

    /** The first sentence of a description, without picocli's default-value note. */
    static String firstLine(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String d = description[0].strip();
        java.util.regex.Matcher m = SENTENCE_END.matcher(d);
        return m.find() ? d.substring(0, m.start() + 1) : d;
    }

    /** A fish single-quoted string: only \ and ' are special inside. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
