package dev.dbtok.output;

/**
 * The {@code --log-file} could not be opened. The message is the official CLI's, e.g.
 * {@code open /var/log/dbtok.log: permission denied}, printed after {@code Error: }.
 */
public final class LogFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LogFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
