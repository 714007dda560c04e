package dev.dbtok.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Every failure after parsing becomes one {@code Error: <message>} line on stderr and exit code 1.
 * The stack trace is printed only under {@code --debug}; without it, users never see one.
 */
public final class ExecutionErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        PrintWriter err = commandLine.getErr();
        Throwable cause = unwrap(ex);
        err.print("Error: " + describe(cause) + "\n");
        DbtokCommand dbtok = root.getCommand();
        if (dbtok.globals().debug()) {
            writeTrace(cause, err);
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The cause chain, for {@code --debug} only. */
    private static void writeTrace(Throwable t, PrintWriter err) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            err.print((c == t ? "" : "Caused by: ") + c + "\n");
            for (StackTraceElement frame : c.getStackTrace()) {
                err.print("\tat " + frame + "\n");
            }
        }
    }

    /** The exception's own message; unexpected ones without a message are named by their type. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
