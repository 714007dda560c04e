package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2025-01-06T10:00:00Z");

    @Test
    void should_read_seconds() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), RetryAfter.parse("1", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(" 0 ", NOW));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.parse("1.5", NOW));
    }

    @Test
    void should_read_an_http_date() {
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Mon, 06 Jan 2025 10:01:30 GMT", NOW));
    }

    @Test
    void should_not_wait_for_a_date_in_the_past() {
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Mon, 06 Jan 2025 09:00:00 GMT", NOW));
    }

    @Test
    void should_cap_an_absurd_number_instead_of_overflowing() {
        assertEquals(Optional.of(Duration.ofSeconds(1_000_000_000L)), RetryAfter.parse("9".repeat(40), NOW));
    }

    @Test
    void should_ignore_what_it_cannot_read() {
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-1", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("2025-01-06T10:01:30Z", NOW));
    }
}
