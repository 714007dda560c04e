package dev.dbtok.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The {@code Retry-After} header: a number of seconds, or an HTTP date (RFC 9110 §10.2.3). */
final class RetryAfter {
    /** Whole seconds as the RFC says; fractions too, since some gateways send them. */
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");
    /** Far beyond any retry budget, and small enough for {@link Duration} arithmetic. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(1_000_000_000L);

    private RetryAfter() {
    }

    /**
     * The wait {@code value} asks for, counted from {@code now}; a date in the past asks for none. Empty when the
     * header is absent or unreadable, so that the usual back-off applies.
     */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (SECONDS.matcher(text).matches()) {
            BigDecimal seconds = new BigDecimal(text).min(MAX_SECONDS);
            return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
