package dev.dbtok.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attribute values gathered so far during one resolution, each with its {@link Origin}.
 *
 * <p>The one rule every source obeys lives here: a value that is already set is never overwritten,
 * and an empty or zero value (empty string, {@code 0}, {@code false}, empty list) counts as unset.
 */
final class ConfigValues {

    private final Map<Attribute, Object> values = new EnumMap<>(Attribute.class);
    private final Map<Attribute, Origin> origins = new EnumMap<>(Attribute.class);

    boolean isSet(Attribute attribute) {
        return !ValueParser.isZero(values.get(attribute));
    }

    /** Sets the value unless one is already there; a raw value that parses to zero changes nothing. */
    void fill(Attribute attribute, String raw, Origin origin) throws ValueParser.BadValueException {
        if (isSet(attribute) || raw == null || raw.isEmpty()) {
            return;
        }
        Object value = ValueParser.parse(attribute.kind(), raw);
        if (!ValueParser.isZero(value)) {
            values.put(attribute, value);
            origins.put(attribute, origin);
        }
    }

    /** Unconditional write, for values dbtok derives itself (normalised host, pinned profile). */
    void put(Attribute attribute, Object value, Origin origin) {
        values.put(attribute, value);
        origins.put(attribute, origin);
    }

    Origin origin(Attribute attribute) {
        return origins.get(attribute);
    }

    String string(Attribute attribute) {
        Object value = values.get(attribute);
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    Integer integer(Attribute attribute) {
        Object value = values.get(attribute);
        return value instanceof Integer i && i != 0 ? i : null;
    }

    boolean bool(Attribute attribute) {
        return Boolean.TRUE.equals(values.get(attribute));
    }

    @SuppressWarnings("unchecked")
    List<String> list(Attribute attribute) {
        Object value = values.get(attribute);
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** The value as the error suffix prints it; {@code null} when unset. */
    String display(Attribute attribute) {
        if (!isSet(attribute)) {
            return null;
        }
        Object value = values.get(attribute);
        return value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    boolean anyAuthOrHostSet() {
        return isSet(Attribute.HOST) || anyAuthSet();
    }

    boolean anyAuthSet() {
        for (Attribute a : Attribute.values()) {
            if (a.isAuth() && isSet(a)) {
                return true;
            }
        }
        return false;
    }

    /** Every set attribute with its display value and origin, in {@link Attribute} order. */
    List<AttributeValue> snapshot() {
        List<AttributeValue> snapshot = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            String value = display(attribute);
            Origin origin = origins.get(attribute);
            if (value != null && origin != null) {
                snapshot.add(new AttributeValue(attribute, value, origin));
            }
        }
        return snapshot;
    }

    Map<String, Origin> origins() {
        Map<String, Origin> byKey = new LinkedHashMap<>();
        origins.forEach((attribute, origin) -> {
            if (isSet(attribute)) {
                byKey.put(attribute.key(), origin);
            }
        });
        return Collections.unmodifiableMap(byKey);
    }
}
