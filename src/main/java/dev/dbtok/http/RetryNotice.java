package dev.dbtok.http;

import java.time.Duration;
import java.util.Locale;

/**
 * One wait before attempt {@code nextAttempt} of a request. Holds no header and no body, so it can never carry a
 * token.
 *
 * @param method      the request method, e.g. {@code GET}
 * @param target      the path with its query, e.g. {@code /api/2.0/token/list}
 * @param nextAttempt the number of the attempt about to be made (2 for the first retry)
 * @param maxAttempts the most attempts there will be (a connection that never opened), or 0 when only the
 *                    retry budget limits them
 * @param delay       how long dbtok waits before that attempt
 * @param budget      the retry budget ({@code retry_timeout_seconds}), or null when it is unbounded
 * @param budgetLeft  what is left of the budget after this wait, or null when it is unbounded
 * @param reason      what went wrong, e.g. {@code 503 Service Unavailable} or {@code connect: connection refused}
 */
public record RetryNotice(
        String method,
        String target,
        int nextAttempt,
        int maxAttempts,
        Duration delay,
        Duration budget,
        Duration budgetLeft,
        String reason) {

    /**
     * The text of the warning, e.g. {@code retrying GET /api/2.0/token/list in 1.3s (attempt 2, 298s left of the
     * 300s retry budget): 503 Service Unavailable}.
     */
    public String message() {
        String progress;
        if (maxAttempts > 0) {
            progress = "attempt " + nextAttempt + " of at most " + maxAttempts;
        } else if (budget != null) {
            progress = "attempt " + nextAttempt + ", " + budgetLeft.toSeconds() + "s left of the "
                    + budget.toSeconds() + "s retry budget";
        } else {
            progress = "attempt " + nextAttempt;
        }
        return "retrying " + method + " " + target + " in " + seconds(delay) + " (" + progress + "): " + reason;
    }

    /** {@code 1.3s}: tenths of a second are enough for people, and stable enough for tests. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
