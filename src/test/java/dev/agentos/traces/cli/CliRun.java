package dev.agentos.traces.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process, as a user would from a terminal, and keeps what it printed. */
final class CliRun {

    /** A fixed "now": a few minutes after the fixtures were captured (2026-11-23T23:42Z). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC);

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private CliRun() {
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Context(new HashMap<>(env), CLOCK), new PrintWriter(out, true),
                new PrintWriter(err, true), true);
        return new Result(code, out.toString(), err.toString());
    }

    /** As a person at a terminal would see it (box-drawn trees; colour unless NO_COLOR). */
    static Result onTerminal(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new Context(new HashMap<>(env), CLOCK, true), new PrintWriter(out, true),
                new PrintWriter(err, true), true);
        return new Result(code, out.toString(), err.toString());
    }

    /** With AGENTOS_URL pointing at {@code baseUrl}. */
    static Result at(String baseUrl, String... args) {
        return run(Map.of("AGENTOS_URL", baseUrl), args);
    }
}
