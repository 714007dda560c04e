package dev.dbtok.cli;

/**
 * Flags left at their zero value are not sent, as in the official CLI: only what the user set
 * to something else (or wrote in {@code --json}) reaches the request.
 */
public final class FlagValues {
    private FlagValues() {
    }

    public static Long nonZero(Long value) {
        return value == null || value == 0 ? null : value;
    }

    public static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    public static Boolean trueOrNull(Boolean value) {
        return Boolean.TRUE.equals(value) ? Boolean.TRUE : null;
    }
}
