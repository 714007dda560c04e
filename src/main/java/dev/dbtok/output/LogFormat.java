package dev.dbtok.output;

import java.util.Locale;

/** The value of {@code --log-format}. */
public enum LogFormat {
    TEXT,
    JSON;

    /** Returns {@code null} for an unknown name. */
    public static LogFormat parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> null;
        };
    }
}
