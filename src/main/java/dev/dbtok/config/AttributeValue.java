package dev.dbtok.config;

import java.util.Objects;

/**
 * One attribute as resolution left it: its value as text (lists comma-joined) and where it came from.
 * The value may be a secret: whoever shows it masks {@link Attribute#sensitive() sensitive} ones.
 */
public record AttributeValue(Attribute attribute, String value, Origin origin) {

    public AttributeValue {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** Never prints a secret, even by accident. */
    @Override
    public String toString() {
        return attribute.key() + "=" + (attribute.sensitive() ? "***" : value) + " (from " + origin + ")";
    }
}
