package dev.dbtok.cli;

/**
 * A failure found by a command after parsing (a missing ID, a missing {@code --json}, a bad
 * {@code --json} document). Printed as {@code Error: <message>} without usage.
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
