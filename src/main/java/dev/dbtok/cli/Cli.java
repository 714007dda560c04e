package dev.dbtok.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * The one place where dbtok's command line is wired: {@link dev.dbtok.Main} and the tests both
 * build it here, so tests exercise exactly what users run.
 */
public final class Cli {
    private Cli() {
    }

    public static CommandLine newCommandLine(Services services, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new DbtokCommand(services), new Factory(services));
        commandLine.setOut(out);
        commandLine.setErr(err);
        // "@file" belongs to --json; picocli must not expand it into arguments itself.
        commandLine.setExpandAtFiles(false);
        // The official CLI takes the next word as a flag's value even when it looks like a flag.
        commandLine.setAllowOptionsAsOptionParameters(true);
        commandLine.setAllowSubcommandsAsOptionParameters(true);
        // A repeated flag takes its last value, as in the official CLI, instead of being an error.
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setParameterExceptionHandler(new ParameterErrorHandler());
        commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler());
        commandLine.setExecutionStrategy(new Lifecycle());
        HelpLayout.install(commandLine);
        return commandLine;
    }

    /** Runs dbtok on the process's own streams and returns the exit code. */
    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        try {
            return newCommandLine(Services.system(), out, err).execute(args);
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
