package dev.dbtok.http;

/**
 * Told once before every wait between two attempts of a request, so that a long pause is never silent.
 * The command line prints {@link RetryNotice#message()} as a {@code Warn:} line.
 */
@FunctionalInterface
public interface RetryListener {
    /** Tells no one. */
    RetryListener NONE = notice -> {
    };

    void retrying(RetryNotice notice);
}
