package dev.dbtok.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts and for the rate limit. Injected (with a {@link java.time.Clock}) so that tests can let
 * time pass without really sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
