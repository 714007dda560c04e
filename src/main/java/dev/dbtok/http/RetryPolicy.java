package dev.dbtok.http;

import dev.dbtok.config.ResolvedConfig;
import java.time.Duration;

/**
 * How hard a client tries (http.md §6).
 *
 * @param enabled           false with {@code disable_retries} / {@code DATABRICKS_DISABLE_RETRIES}: one attempt only
 * @param budget            how long after the first attempt started dbtok may still retry, or null for no limit
 * @param maxUnsentAttempts the most attempts while the connection cannot be opened at all
 */
record RetryPolicy(boolean enabled, Duration budget, int maxUnsentAttempts) {
    /** A refused port or a missing route rarely heals within minutes, so a few quick tries are enough. */
    static final int MAX_UNSENT_ATTEMPTS = 3;

    /**
     * The policy of {@code config}: {@code retry_timeout_seconds} is the budget (0 means the default of 300, and a
     * negative value means no limit, as in the official SDK).
     */
    static RetryPolicy from(ResolvedConfig config) {
        int seconds = config.retryTimeoutSeconds() == 0
                ? ResolvedConfig.DEFAULT_RETRY_TIMEOUT_SECONDS
                : config.retryTimeoutSeconds();
        return new RetryPolicy(!config.disableRetries(), seconds < 0 ? null : Duration.ofSeconds(seconds),
                MAX_UNSENT_ATTEMPTS);
    }
}
