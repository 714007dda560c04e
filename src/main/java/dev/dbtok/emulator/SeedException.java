package dev.dbtok.emulator;

/** A seed file that cannot be read or does not describe a valid workspace; the message names the file and the entry. */
public final class SeedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SeedException(String message) {
        super(message);
    }
}
