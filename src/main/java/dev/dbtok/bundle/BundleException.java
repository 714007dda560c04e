package dev.dbtok.bundle;

/** The bundle around the working directory cannot be used: printed as {@code Error: <message>}. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BundleException(String message) {
        super(message);
    }

    BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
