package dev.dbtok.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import okhttp3.Request;

/**
 * Runs the attempts of one request until one succeeds, the failure is not worth retrying, or the retry budget runs
 * out (http.md §6). The rules:
 * <ul>
 *   <li>a 429 (or {@code RESOURCE_EXHAUSTED} / {@code REQUEST_LIMIT_EXCEEDED}), a 503 and the official transient
 *       messages are retried for any method; the workspace answered, so nothing happened twice;</li>
 *   <li>a connection that never carried the request (refused, no route, connect or TLS-handshake timeout) is retried
 *       for any method, but only {@link RetryPolicy#maxUnsentAttempts()} times in all: a few seconds, not
 *       minutes;</li>
 *   <li>a failure after the request may have left (reset, empty response, read timeout) is retried only when
 *       {@link Resend#of(Request)} is {@link Resend#SAFE}: never the token POSTs;</li>
 *   <li>anything else (an unknown host, a TLS certificate problem, 500, 502, 504, other 4xx) fails at once.</li>
 * </ul>
 * The wait is what {@code Retry-After} asks for, else {@code min(n, 10)} seconds plus 50–750 ms of jitter after
 * attempt {@code n}. When the wait would end past the budget, dbtok stops and reports the last error with the number
 * of attempts and the time spent.
 */
final class Retrier {
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final long MIN_JITTER_MILLIS = 50;
    private static final long MAX_JITTER_MILLIS = 750;
    private static final int MAX_REASON_LENGTH = 200;

    /** Failures that, before the request was written, mean the connection could not be opened (yet). */
    private static final Set<TransportException.Kind> UNSENT_RETRIABLE = EnumSet.of(
            TransportException.Kind.CONNECTION_REFUSED,
            TransportException.Kind.NO_ROUTE_TO_HOST,
            TransportException.Kind.CONNECT_TIMEOUT,
            TransportException.Kind.TIMEOUT,
            TransportException.Kind.CONNECTION_RESET,
            TransportException.Kind.EOF);
    /** Failures after the request may have left that a repeatable request survives by being sent again. */
    private static final Set<TransportException.Kind> RESENDABLE = EnumSet.of(
            TransportException.Kind.TIMEOUT,
            TransportException.Kind.CONNECTION_RESET,
            TransportException.Kind.EOF);

    /** What to do after a failed attempt. */
    enum Verdict {
        /** Report the failure. */
        FAIL,
        /** The workspace answered with a transient error: try again. */
        RETRY,
        /** The request never left: try again, a few times at most. */
        RETRY_UNSENT,
        /** The request may have arrived, but it is safe to send twice: send it again. */
        RESEND
    }

    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryListener listener;
    private final RandomGenerator random;

    Retrier(RetryPolicy policy, Clock clock, Sleeper sleeper, RetryListener listener, RandomGenerator random) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.random = random;
    }

    /**
     * Runs {@code attempt} (given the number of the attempt, from 1) for {@code request} as often as the rules allow;
     * throws the last failure otherwise.
     */
    <T> T run(Request request, IntFunction<T> attempt) {
        if (!policy.enabled()) {
            return attempt.apply(1);
        }
        Instant start = clock.instant();
        int attempts = 0;
        int unsentFailures = 0;
        String resentAfter = null;
        while (true) {
            attempts++;
            DatabricksException failure;
            try {
                return attempt.apply(attempts);
            } catch (DatabricksException e) {
                failure = e;
            }
            Verdict verdict = judge(request, failure);
            if (verdict == Verdict.FAIL) {
                throw afterResend(request, failure, resentAfter);
            }
            if (verdict == Verdict.RETRY_UNSENT && ++unsentFailures >= policy.maxUnsentAttempts()) {
                throw gaveUp(failure, attempts, Duration.between(start, clock.instant()), "");
            }
            Optional<Duration> asked = failure instanceof ApiException api
                    ? RetryAfter.parse(api.retryAfter(), clock.instant())
                    : Optional.empty();
            Duration wait = asked.isPresent() ? asked.get() : backoff(attempts).plus(jitter());
            Duration elapsed = Duration.between(start, clock.instant());
            Duration left = policy.budget() == null ? null : policy.budget().minus(elapsed).minus(wait);
            if (left != null && left.isNegative()) {
                String why = asked.isPresent()
                        ? ": waiting another " + RetryNotice.seconds(wait) + " as the workspace asked would pass the "
                                + policy.budget().toSeconds() + "s retry budget"
                        : "";
                throw gaveUp(failure, attempts, elapsed, why);
            }
            if (verdict == Verdict.RESEND && failure instanceof TransportException t) {
                resentAfter = t.detail();
            }
            int maxAttempts = verdict == Verdict.RETRY_UNSENT
                    ? attempts + policy.maxUnsentAttempts() - unsentFailures
                    : 0;
            listener.retrying(new RetryNotice(request.method(), target(request), attempts + 1, maxAttempts, wait,
                    policy.budget(), left, reason(failure)));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** The verdict on {@code failure}, the outcome of one attempt of {@code request}. */
    static Verdict judge(Request request, DatabricksException failure) {
        boolean repeatable = Resend.of(request) == Resend.SAFE;
        if (failure instanceof ApiException api) {
            if (api.isRateLimited() || api.status() == 503 || TransientErrors.notStarted(api.apiMessage())) {
                return Verdict.RETRY;
            }
            return repeatable && TransientErrors.timedOut(api.apiMessage()) ? Verdict.RETRY : Verdict.FAIL;
        }
        if (failure instanceof TransportException transport) {
            if (!transport.mayHaveBeenSent()) {
                return UNSENT_RETRIABLE.contains(transport.kind()) ? Verdict.RETRY_UNSENT : Verdict.FAIL;
            }
            return repeatable && RESENDABLE.contains(transport.kind()) ? Verdict.RESEND : Verdict.FAIL;
        }
        return Verdict.FAIL;
    }

    /** {@code min(n, 10)} seconds after attempt {@code n}, as the official CLI waits. */
    static Duration backoff(int attempt) {
        Duration wait = Duration.ofSeconds(attempt);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** Spreads the retries of many clients that failed together. */
    private Duration jitter() {
        return Duration.ofMillis(random.nextLong(MIN_JITTER_MILLIS, MAX_JITTER_MILLIS + 1));
    }

    /**
     * A DELETE sent again after an attempt that may have arrived can find the token already gone: say so, rather
     * than let "does not exist" read as if nothing had been deleted.
     */
    private static DatabricksException afterResend(Request request, DatabricksException failure, String resentAfter) {
        if (resentAfter != null && "DELETE".equals(request.method())
                && failure instanceof ApiException api && api.status() == 404) {
            return api.withNote(" (dbtok sent the DELETE again after \"" + resentAfter
                    + "\"; the earlier attempt may already have deleted it)");
        }
        return failure;
    }

    private static DatabricksException gaveUp(DatabricksException failure, int attempts, Duration elapsed, String why) {
        String note = " (gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " over "
                + RetryNotice.seconds(elapsed) + why + ")";
        if (failure instanceof ApiException api) {
            return api.withNote(note);
        }
        if (failure instanceof TransportException transport) {
            return transport.withNote(note);
        }
        return failure;
    }

    /** {@code /api/2.0/workspace-conf?keys=a%2Cb}: the path and query, never the host or a header. */
    private static String target(Request request) {
        String query = request.url().encodedQuery();
        return request.url().encodedPath() + (query == null ? "" : "?" + query);
    }

    /** {@code 503 Service Unavailable}, {@code 429 Too Many Requests: slow down}, {@code connect: connection refused}. */
    static String reason(DatabricksException failure) {
        if (failure instanceof TransportException transport) {
            return transport.detail();
        }
        if (failure instanceof ApiException api) {
            String text = StatusText.of(api.status());
            String status = text.isEmpty() ? "HTTP " + api.status() : api.status() + " " + text;
            String message = api.apiMessage().strip();
            int newline = message.indexOf('\n');
            if (newline >= 0) {
                message = message.substring(0, newline).strip() + " ...";
            }
            if (message.length() > MAX_REASON_LENGTH) {
                message = message.substring(0, MAX_REASON_LENGTH) + "...";
            }
            return message.isEmpty() || message.equals(text) ? status : status + ": " + message;
        }
        return failure.getMessage();
    }
}
