package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RateLimiterTest {
    private static final Instant T0 = Instant.parse("2025-01-06T10:00:00Z");

    @Test
    void should_let_a_burst_of_the_rate_through_then_space_requests_evenly() {
        RateLimiter limiter = new RateLimiter(2);

        assertEquals(Duration.ZERO, limiter.reserve(T0));
        assertEquals(Duration.ZERO, limiter.reserve(T0));
        assertEquals(Duration.ofMillis(500), limiter.reserve(T0));
        assertEquals(Duration.ofMillis(1000), limiter.reserve(T0));
    }

    @Test
    void should_refill_with_time_but_not_beyond_the_burst() {
        RateLimiter limiter = new RateLimiter(2);
        limiter.reserve(T0);
        limiter.reserve(T0);

        assertEquals(Duration.ZERO, limiter.reserve(T0.plusMillis(500)));
        Instant muchLater = T0.plusSeconds(60);
        assertEquals(Duration.ZERO, limiter.reserve(muchLater));
        assertEquals(Duration.ZERO, limiter.reserve(muchLater));
        assertEquals(Duration.ofMillis(500), limiter.reserve(muchLater));
    }

    @Test
    void should_default_to_15_per_second() {
        RateLimiter limiter = RateLimiter.from(TestConfigs.pat("http://h").build());
        for (int i = 0; i < 15; i++) {
            assertEquals(Duration.ZERO, limiter.reserve(T0));
        }
        assertEquals(Duration.ofNanos(66_666_667), limiter.reserve(T0));
    }

    @Test
    void should_take_rate_limit_from_the_config() {
        RateLimiter limiter = RateLimiter.from(TestConfigs.pat("http://h").rateLimit(1).build());

        assertEquals(Duration.ZERO, limiter.reserve(T0));
        assertEquals(Duration.ofSeconds(1), limiter.reserve(T0));
    }

    @Test
    void should_use_the_default_for_a_negative_rate() {
        RateLimiter limiter = RateLimiter.from(TestConfigs.pat("http://h").rateLimit(-3).build());
        for (int i = 0; i < 15; i++) {
            assertEquals(Duration.ZERO, limiter.reserve(T0));
        }
    }

    @Test
    void should_survive_a_clock_that_steps_back() {
        RateLimiter limiter = new RateLimiter(1);
        limiter.reserve(T0);

        assertEquals(Duration.ofSeconds(1), limiter.reserve(T0.minusSeconds(30)));
    }

    @Test
    void should_refuse_a_rate_of_zero() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0));
    }
}
