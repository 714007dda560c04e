package dev.dbtok.http;

/**
 * Any failure of a {@link DatabricksClient} call. The message is the complete text printed after
 * {@code Error: }; it never contains a token, password or secret.
 */
public abstract sealed class DatabricksException extends RuntimeException
        permits ApiException, TransportException, ResponseDecodeException, OAuthException {
    private static final long serialVersionUID = 1L;


    DatabricksException(String message, Throwable cause) {
        super(message, cause);
    }
}
