package dev.dbtok.config;

import java.util.List;

/**
 * A configuration or credential problem. Its message is the complete text printed after
 * {@code Error: }, including the {@code . Config: ... . Env: ...} suffix, with every secret masked.
 *
 * <p>It also carries what had been resolved when it failed ({@link #attributes()}), so that
 * {@code auth describe} can show the configuration next to the failure, and, when a bundle host
 * matched several profiles, their names ({@link #matchingProfiles()}) for the guidance text.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<AttributeValue> attributes;
    private final transient List<String> matchingProfiles;

    public ConfigException(String message) {
        this(message, List.of(), List.of());
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.attributes = List.of();
        this.matchingProfiles = List.of();
    }

    ConfigException(String message, List<AttributeValue> attributes, List<String> matchingProfiles) {
        super(message);
        this.attributes = List.copyOf(attributes);
        this.matchingProfiles = List.copyOf(matchingProfiles);
    }

    /** The attributes resolved before the failure, in {@link Attribute} order; values unmasked. */
    public List<AttributeValue> attributes() {
        return attributes == null ? List.of() : attributes;
    }

    /** The profiles whose host matched a bundle's host, when that ambiguity is the failure. */
    public List<String> matchingProfiles() {
        return matchingProfiles == null ? List.of() : matchingProfiles;
    }

    /** The same failure with {@code prefix} in front of its message. */
    ConfigException prefixed(String prefix) {
        return withMessage(prefix + getMessage());
    }

    /** The same failure (attributes, matching profiles, cause) with another message. */
    public ConfigException withMessage(String message) {
        ConfigException copy = new ConfigException(message, attributes(), matchingProfiles());
        copy.initCause(getCause());
        return copy;
    }
}
