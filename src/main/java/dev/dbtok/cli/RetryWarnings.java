package dev.dbtok.cli;

import dev.dbtok.http.RetryListener;
import dev.dbtok.http.RetryNotice;
import dev.dbtok.output.LogLevel;
import java.io.PrintWriter;

/**
 * Prints one {@code Warn: retrying ...} line on stderr before each wait between attempts, so a long pause is never
 * silent; nothing when the log level is above {@code warn} (or {@code disabled}).
 */
final class RetryWarnings implements RetryListener {
    private final PrintWriter err;
    private final boolean enabled;

    RetryWarnings(PrintWriter err, LogLevel level) {
        this.err = err;
        this.enabled = level.compareTo(LogLevel.WARN) <= 0;
    }

    @Override
    public void retrying(RetryNotice notice) {
        if (enabled) {
            err.print(LogLevel.WARN.textName() + ": " + notice.message() + "\n");
            err.flush();
        }
    }
}
