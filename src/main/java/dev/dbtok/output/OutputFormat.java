package dev.dbtok.output;

/** The value of {@code -o/--output}. */
public enum OutputFormat {
    TEXT,
    JSON
}
