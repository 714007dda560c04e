package dev.dbtok.output;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the standard streams are connected to, and what dbtok may do with them.
 *
 * <p>A value, built once in {@code Main} by {@link #detect} and injected everywhere else, so that
 * tests state the situation instead of probing it. Mirrors upstream's {@code cmdio.Capabilities}:
 * colour and interaction are off when {@code NO_COLOR} is set to anything non-empty or
 * {@code TERM=dumb}.
 *
 * @param env the environment; only {@code NO_COLOR} and {@code TERM} are read
 */
public record Terminal(boolean stdoutIsTerminal, boolean stdinIsTerminal, boolean stderrIsTerminal,
                       Map<String, String> env) {

    public Terminal {
        env = Map.copyOf(env);
    }

    /** No terminal anywhere, empty environment: what scripts, CI and most tests see. */
    public static Terminal none() {
        return new Terminal(false, false, false, Map.of());
    }

    /** Whether tables on stdout are coloured. */
    public boolean colorStdout() {
        return stdoutIsTerminal && colorAllowed();
    }

    /** Whether dbtok may prompt: the prompt goes to stderr and the answer comes from stdin. */
    public boolean interactive() {
        return stdinIsTerminal && stderrIsTerminal && colorAllowed();
    }

    private boolean colorAllowed() {
        return env.getOrDefault("NO_COLOR", "").isEmpty() && !"dumb".equals(env.get("TERM"));
    }

    /**
     * Probes the real streams. Java has no per-stream TTY test: a console means stdin and stdout are
     * both terminals (JDK 22+ always returns a console and answers with {@code isTerminal()}).
     * stderr is taken to be a terminal with them, unless Linux's {@code /proc} shows it redirected.
     */
    public static Terminal detect(Map<String, String> env) {
        boolean console = consoleIsTerminal();
        return new Terminal(console, console, console && !stderrRedirected(), env);
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (Runtime.version().feature() < 22) {
            return true;
        }
        try {
            // Called by reflection: dbtok compiles for Java 17, where the method does not exist.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean stderrRedirected() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (!Files.isSymbolicLink(fd)) {
                return false;
            }
            String target = Files.readSymbolicLink(fd).toString();
            return !(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
