package dev.dbtok.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Error messages that the workspace sends while a backend is briefly unavailable, whatever the status; the official
 * SDKs retry on the same ones.
 */
final class TransientErrors {
    /** The backend never started the work: safe to retry for any method. */
    private static final List<Pattern> NOT_STARTED = List.of(
            Pattern.compile("com\\.databricks\\.backend\\.manager\\.util\\.UnknownWorkerEnvironmentException"),
            Pattern.compile("does not have any associated worker environments"),
            Pattern.compile("There is no worker environment with id"),
            Pattern.compile("Unknown worker environment"),
            Pattern.compile("ClusterNotReadyException"),
            Pattern.compile("worker env .* not found"));
    /**
     * The backend gave up waiting, possibly after doing the work: retried only for requests that can safely be sent
     * twice (the official SDK retries these for any method; dbtok never risks a second token).
     */
    private static final List<Pattern> TIMED_OUT = List.of(
            Pattern.compile("Timed out after "),
            Pattern.compile("deadline exceeded"));

    private TransientErrors() {
    }

    static boolean notStarted(String message) {
        return matches(NOT_STARTED, message);
    }

    static boolean timedOut(String message) {
        return matches(TIMED_OUT, message);
    }

    private static boolean matches(List<Pattern> patterns, String message) {
        return message != null && patterns.stream().anyMatch(p -> p.matcher(message).find());
    }
}
