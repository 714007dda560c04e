package dev.dbtok.support;

import dev.dbtok.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock and sleeper for tests: sleeping returns at once but moves the clock forward by the time asked for, and
 * every sleep is recorded. {@link #frozen()} moves only by sleeps (exact arithmetic); {@link #onTopOfRealTime()}
 * also advances with the real time that passes (for runs that make real requests).
 */
public final class FakeTime extends Clock implements Sleeper {
    private static final Instant START = Instant.parse("2025-01-06T10:00:00Z");

    private final boolean followsRealTime;
    private final long realStart = System.nanoTime();
    private final List<Duration> sleeps = new ArrayList<>();
    private Duration slept = Duration.ZERO;

    private FakeTime(boolean followsRealTime) {
        this.followsRealTime = followsRealTime;
    }

    /** Starts at 2025-01-06T10:00:00Z and moves only when something sleeps. */
    public static FakeTime frozen() {
        return new FakeTime(false);
    }

    /** Moves with real time, plus whatever was slept. */
    public static FakeTime onTopOfRealTime() {
        return new FakeTime(true);
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        slept = slept.plus(duration);
    }

    /** Every sleep so far, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the sleeps so far. */
    public synchronized Duration slept() {
        return slept;
    }

    /** Lets {@code duration} pass without anyone sleeping (the time an attempt takes, say). */
    public synchronized void advance(Duration duration) {
        slept = slept.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        Instant now = START.plus(slept);
        return followsRealTime ? now.plusNanos(System.nanoTime() - realStart) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("FakeTime is always UTC");
    }
}
