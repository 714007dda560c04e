package dev.dbtok.output;

import java.util.Locale;

/** Log levels, lowest first. {@code DISABLED} logs nothing. */
public enum LogLevel {
    TRACE("Trace", "TRACE"),
    DEBUG("Debug", "DEBUG"),
    INFO("Info", "INFO"),
    WARN("Warn", "WARNING"),
    ERROR("Error", "ERROR"),
    DISABLED("", "");

    private final String textName;
    private final String jsonName;

    LogLevel(String textName, String jsonName) {
        this.textName = textName;
        this.jsonName = jsonName;
    }

    /** The name in text log lines ({@code Warn: ...}). */
    public String textName() {
        return textName;
    }

    /** The name in JSON log lines ({@code "level":"WARNING"}). */
    public String jsonName() {
        return jsonName;
    }

    /** Returns {@code null} for an unknown name. */
    public static LogLevel parse(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "trace" -> TRACE;
            case "debug" -> DEBUG;
            case "info" -> INFO;
            case "warn" -> WARN;
            case "error" -> ERROR;
            case "disabled" -> DISABLED;
            default -> null;
        };
    }
}
