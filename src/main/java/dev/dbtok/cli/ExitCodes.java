package dev.dbtok.cli;

/**
 * dbtok's exit codes. Like the official CLI, every failure is 1 (usage, config, API, network), so
 * scripts written for it can keep testing {@code $? -eq 1}.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    /** stdout's reader went away; what a shell reports for a program stopped by SIGPIPE (128 + 13). */
    public static final int BROKEN_PIPE = 141;

    private ExitCodes() {
    }
}
