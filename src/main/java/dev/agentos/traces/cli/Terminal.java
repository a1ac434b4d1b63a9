package dev.agentos.traces.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the CLI writes to: whether stdout and stderr are terminals (colour, progress bars) and whether
 * stdout can show box-drawing characters. Tests build one directly; {@link #detect()} asks the OS.
 *
 * @param stdoutTty stdout is a terminal
 * @param stderrTty stderr is a terminal
 * @param unicode stdout's charset is UTF-8 (else trees are drawn in ASCII)
 */
record Terminal(boolean stdoutTty, boolean stderrTty, boolean unicode) {

    /** Piped output, UTF-8: what tests get unless they say otherwise. */
    static final Terminal PIPED = new Terminal(false, false, true);

    static Terminal detect() {
        Boolean out = procTty(1);
        Boolean err = procTty(2);
        if (out == null || err == null) {
            boolean console = consoleIsTerminal();
            out = out != null ? out : console;
            err = err != null ? err : console;
        }
        return new Terminal(out, err, isUtf8(stdoutCharset()));
    }

    /**
     * Linux: /proc/self/fd/N names the terminal device for a tty; null where /proc is not there. Elsewhere
     * the JDK's console (stdin and stdout both terminals) is the best guess for both streams.
     */
    private static Boolean procTty(int fd) {
        Path p = Path.of("/proc/self/fd/" + fd);
        try {
            if (!Files.isSymbolicLink(p)) {
                return null;
            }
            String target = Files.readSymbolicLink(p).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return null;
        }
    }

    /** JDK 22+ returns a Console even when redirected and says so with isTerminal(); JDK 17 returns null. */
    private static boolean consoleIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The charset System.out encodes with: PrintStream.charset() on JDK 18+, else the default. */
    private static Charset stdoutCharset() {
        try {
            Method m = PrintStream.class.getMethod("charset");
            return (Charset) m.invoke(System.out);
        } catch (ReflectiveOperationException e) {
            String enc = System.getProperty("sun.stdout.encoding");
            try {
                return enc != null ? Charset.forName(enc) : Charset.defaultCharset();
            } catch (RuntimeException bad) {
                return Charset.defaultCharset();
            }
        }
    }

    static boolean isUtf8(Charset c) {
        return c.equals(StandardCharsets.UTF_8);
    }
}
