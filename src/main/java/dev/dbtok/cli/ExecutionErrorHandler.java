package dev.dbtok.cli;

import dev.dbtok.output.Log;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Every failure after parsing becomes one {@code Error: <message>} line on stderr and exit code 1. Users never
 * see a stack trace: under {@code --debug} the cause chain goes to the debug log instead (its destination is
 * {@code --log-file}). Any secret of the configuration that made its way into a message is masked.
 */
public final class ExecutionErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = unwrap(ex);
        Log log = DbtokCommand.openedLog(commandLine);
        String message = log == null ? describe(cause) : log.redact(describe(cause));
        err.print("Error: " + message + "\n");
        err.flush();
        Lifecycle.failed(log, message, cause);
        return ExitCodes.ERROR;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The exception's own message. One without a message is a bug in dbtok: a Java class name would tell the user
     * nothing, so the line says where to look instead (the cause chain is logged under {@code --debug}).
     */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank()
                ? "unexpected internal error; run the command again with --debug to see its cause"
                : message;
    }
}
