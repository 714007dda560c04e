package dev.dbtok.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * An argument error that a command detects itself (for example a wrong number of positional
 * arguments). Its message is printed as is, followed by a blank line and the command's usage.
 */
public final class UsageError extends ParameterException {
    private static final long serialVersionUID = 1L;

    public UsageError(CommandLine commandLine, String message) {
        super(commandLine, message);
    }
}
