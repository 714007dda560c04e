package dev.dbtok.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape a {@code --json} document is checked against, derived from the request record so the
 * two cannot drift apart: records are structs with snake_case keys, {@code List} a sequence,
 * {@code Map<String, V>} a map, and {@code String}, {@code Long}/{@code Integer}, {@code Boolean} scalars.
 */
public sealed interface RequestSchema {
    record Struct(Map<String, RequestSchema> fields) implements RequestSchema {
    }

    record ListOf(RequestSchema item) implements RequestSchema {
    }

    record MapOf(RequestSchema value) implements RequestSchema {
    }

    enum Scalar implements RequestSchema {
        STRING, INT, BOOL
    }

    static RequestSchema of(Type type) {
        if (type instanceof ParameterizedType p) {
            Type raw = p.getRawType();
            if (raw == List.class) {
                return new ListOf(of(p.getActualTypeArguments()[0]));
            }
            if (raw == Map.class) {
                return new MapOf(of(p.getActualTypeArguments()[1]));
            }
            throw new IllegalArgumentException("unsupported request type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Scalar.STRING;
        }
        if (c == Long.class || c == Integer.class || c == long.class || c == int.class) {
            return Scalar.INT;
        }
        if (c == Boolean.class || c == boolean.class) {
            return Scalar.BOOL;
        }
        if (c.isRecord()) {
            Map<String, RequestSchema> fields = new LinkedHashMap<>();
            PropertyNamingStrategies.SnakeCaseStrategy snake = new PropertyNamingStrategies.SnakeCaseStrategy();
            for (RecordComponent component : c.getRecordComponents()) {
                fields.put(snake.translate(component.getName()), of(component.getGenericType()));
            }
            return new Struct(fields);
        }
        throw new IllegalArgumentException("unsupported request type " + type);
    }

    /** A flat map of strings, the body of {@code workspace-conf set-status}. */
    static RequestSchema stringMap() {
        return new MapOf(Scalar.STRING);
    }
}
