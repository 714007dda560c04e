package dev.dbtok.cli;

/**
 * dbtok's exit codes. Like the official CLI, every failure is 1 (usage, config, API, network), so
 * scripts written for it can keep testing {@code $? -eq 1}.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;

    private ExitCodes() {
    }
}
