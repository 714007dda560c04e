package dev.dbtok.cli;

import dev.dbtok.http.HttpWarmUp;
import dev.dbtok.output.Utf8PrintWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The one place where dbtok's command line is wired: {@link dev.dbtok.Main} and the tests both
 * build it here, so tests exercise exactly what users run.
 */
public final class Cli {
    /**
     * Every {@link CommandLine} (one per command built) registers picocli's built-in converters, and for
     * java.time, java.sql and java.nio.file types that means finding them by reflection and initialising
     * them (java.time's parsers): a fifth of building dbtok's command line. No dbtok flag or argument has
     * such a type ({@code ConverterTypesTest}), so they are switched off with picocli's property, unless
     * the JVM was given one. The property (regular expressions over type names) only governs those
     * reflective converters; {@code .*} is the cheapest pattern to match them all, and picocli compiles it
     * for each of them in each {@link CommandLine}.
     */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String EXCLUDE_ALL = ".*";

    static {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, EXCLUDE_ALL);
        }
    }

    private Cli() {
    }

    /** dbtok's command line with every command built. */
    public static CommandLine newCommandLine(Services services, PrintWriter out, PrintWriter err) {
        return newCommandLine(services, out, err, CommandTree.whole());
    }

    /**
     * dbtok's command line for running {@code args}: only the commands {@code args} can reach are built
     * ({@link CommandTree}); help, errors and command lists read as with every command built.
     */
    public static CommandLine newCommandLine(Services services, PrintWriter out, PrintWriter err, String[] args) {
        return newCommandLine(services, out, err, CommandTree.forArgs(args));
    }

    private static CommandLine newCommandLine(Services services, PrintWriter out, PrintWriter err, CommandTree tree) {
        CommandLine commandLine = tree.build(new DbtokCommand(services), new Factory(services));
        commandLine.setOut(out);
        commandLine.setErr(err);
        // "@file" belongs to --json; picocli must not expand it into arguments itself.
        commandLine.setExpandAtFiles(false);
        // The official CLI takes the next word as a flag's value even when it looks like a flag.
        commandLine.setAllowOptionsAsOptionParameters(true);
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        // A repeated flag takes its last value, as in the official CLI, instead of being an error.
        commandLine.setOverwrittenOptionsAllowed(true);
        // No dbtok text uses picocli's ${...} variables nor format specifiers. Interpolating would only cost:
        // each flag description goes through String.format (whose first use alone is ~2 ms) at every help.
        commandLine.setInterpolateVariables(false);
        commandLine.setParameterExceptionHandler(new ParameterErrorHandler());
        commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
        commandLine.setExecutionStrategy(new Lifecycle());
        HelpLayout.install(commandLine);
        return commandLine;
    }

    /** Runs dbtok on the process's own streams and returns the exit code. */
    public static int run(String[] args) {
        warmUp(args, System.getenv());
        return run(args, Services.system(), new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    }

    /**
     * Begins the HTTP client's start-up in the background ({@link HttpWarmUp}) when {@code args} look like a command
     * that sends a request: before parsing, so that it runs on another core while picocli parses. Nothing for help,
     * the version or commands that send nothing (the emulator, configure).
     */
    static void warmUp(String[] args, Map<String, String> env) {
        if (RequestGuess.sendsRequest(args)) {
            HttpWarmUp.start(RequestGuess.hostLooksHttps(env), env);
        }
    }

    /**
     * Runs dbtok with {@code stdout} and {@code stderr} as its streams. A failure to write stdout is
     * never silent (it may hold a new token's value): it is an error, except when the reader went
     * away ({@code | head}), where dbtok exits quietly like a program stopped by SIGPIPE.
     */
    static int run(String[] args, Services services, OutputStream stdout, OutputStream stderr) {
        // 64 KiB writes instead of the encoder's 8 KiB: a listing of 100 000 tokens is 40 MB of stdout. Every flush of
        // the writer still reaches the stream at once.
        StdoutGuard guarded = new StdoutGuard(new BufferedOutputStream(stdout, 1 << 16));
        // Also takes bytes already encoded, which long listings print (Utf8PrintWriter).
        PrintWriter out = new Utf8PrintWriter(guarded);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8));
        try {
            int code = newCommandLine(services, out, err, args).execute(args);
            out.flush();
            IOException failure = guarded.failure();
            if (failure == null) {
                return code;
            }
            if (StdoutGuard.isBrokenPipe(failure)) {
                return ExitCodes.BROKEN_PIPE;
            }
            err.print("Error: cannot write to stdout: " + failure.getMessage() + "\n");
            return ExitCodes.ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Gives commands that want them the run's {@link Services}; everything else picocli builds itself. */
    private static final class Factory implements IFactory {
        private final Services services;

        Factory(Services services) {
            this.services = services;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] params = constructor.getParameterTypes();
                if (params.length == 1 && params[0] == Services.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(services));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
