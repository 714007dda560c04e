package dev.dbtok.config;

/**
 * A configuration or credential problem. Its message is the complete text printed after
 * {@code Error: }, including the {@code . Config: ... . Env: ...} suffix, with every secret masked.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
