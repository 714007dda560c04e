package dev.dbtok.http;

import dev.dbtok.config.ResolvedConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket that keeps one client under {@code rate_limit} requests per second (http.md §7), with a burst of
 * the same size, as the official SDK does. Every attempt takes a token, retries included.
 */
final class RateLimiter {
    static final int DEFAULT_PER_SECOND = 15;

    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant last;

    RateLimiter(int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.perSecond = perSecond;
        this.burst = perSecond;
        this.tokens = burst;
    }

    /** The limit of {@code config}: {@code rate_limit} when positive, else 15 requests per second. */
    static RateLimiter from(ResolvedConfig config) {
        Integer rate = config.rateLimit();
        return new RateLimiter(rate == null || rate <= 0 ? DEFAULT_PER_SECOND : rate);
    }

    /**
     * Takes the place of one request at {@code now} and returns how long to wait before sending it: zero while the
     * client stays within the rate. Waiting callers queue up: each one reserves the next free slot.
     */
    synchronized Duration reserve(Instant now) {
        if (last == null || now.isAfter(last)) {
            if (last != null) {
                tokens = Math.min(burst, tokens + Duration.between(last, now).toNanos() / 1e9 * perSecond);
            }
            last = now;
        }
        tokens -= 1;
        return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / perSecond * 1e9));
    }
}
