package dev.dbtok.cli;

import dev.dbtok.text.GoQuote;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Checks a parsed {@code --json} value against a {@link RequestSchema}. Returns the cleaned value,
 * or {@code null} when it has to be dropped, in which case a warning was recorded.
 */
final class Normalizer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final List<String> warnings;

    Normalizer(String source, List<String> warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    JsonNode normalize(RequestSchema schema, LocatedJson value) {
        if (schema instanceof RequestSchema.Struct struct) {
            return struct(struct, value);
        }
        if (schema instanceof RequestSchema.ListOf list) {
            return list(list, value);
        }
        if (schema instanceof RequestSchema.MapOf map) {
            return map(map, value);
        }
        return switch ((RequestSchema.Scalar) schema) {
            case STRING -> string(value);
            case INT -> integer(value);
            case BOOL -> bool(value);
        };
    }

    private JsonNode struct(RequestSchema.Struct schema, LocatedJson value) {
        if (value instanceof LocatedJson.Obj obj) {
            ObjectNode out = NODES.objectNode();
            for (LocatedJson.Field field : obj.fields()) {
                RequestSchema fieldSchema = schema.fields().get(field.key());
                if (fieldSchema == null) {
                    warn("unknown field: " + field.key(), field.line(), field.col());
                    continue;
                }
                JsonNode normalized = normalize(fieldSchema, field.value());
                if (normalized != null) {
                    out.set(field.key(), normalized);
                }
            }
            return out;
        }
        return isNull(value) ? null : mismatch("map", value);
    }

    private JsonNode list(RequestSchema.ListOf schema, LocatedJson value) {
        if (value instanceof LocatedJson.Arr arr) {
            ArrayNode out = NODES.arrayNode();
            for (LocatedJson item : arr.items()) {
                JsonNode normalized = normalize(schema.item(), item);
                if (normalized != null) {
                    out.add(normalized);
                }
            }
            return out;
        }
        return isNull(value) ? null : mismatch("sequence", value);
    }

    private JsonNode map(RequestSchema.MapOf schema, LocatedJson value) {
        if (value instanceof LocatedJson.Obj obj) {
            ObjectNode out = NODES.objectNode();
            for (LocatedJson.Field field : obj.fields()) {
                JsonNode normalized = normalize(schema.value(), field.value());
                if (normalized != null) {
                    out.set(field.key(), normalized);
                }
            }
            return out;
        }
        return isNull(value) ? null : mismatch("map", value);
    }

    private JsonNode string(LocatedJson value) {
        if (value instanceof LocatedJson.Scalar s) {
            JsonNode v = s.value();
            if (v.isTextual()) {
                return v;
            }
            if (v.isBoolean() || v.isIntegralNumber()) {
                return NODES.textNode(v.asText());
            }
            if (v.isNumber()) {
                return NODES.textNode(plain(v.decimalValue()));
            }
            return nullWarning("string", value);
        }
        return mismatch("string", value);
    }

    private JsonNode integer(LocatedJson value) {
        if (value instanceof LocatedJson.Scalar s) {
            JsonNode v = s.value();
            if (v.isIntegralNumber()) {
                return NODES.numberNode(v.asLong());
            }
            if (v.isNumber()) {
                double d = v.doubleValue();
                long truncated = (long) d;
                if (d != (double) truncated) {
                    return warn("cannot accurately represent \"" + GoFloat.formatG(d) + "\" as integer due to precision loss",
                            value.line(), value.col());
                }
                return NODES.numberNode(truncated);
            }
            if (v.isTextual()) {
                try {
                    return NODES.numberNode(Long.parseLong(v.asText()));
                } catch (NumberFormatException e) {
                    return warn("cannot parse " + GoQuote.quote(v.asText()) + " as an integer", value.line(), value.col());
                }
            }
            if (v.isNull()) {
                return nullWarning("int", value);
            }
        }
        return mismatch("int", value);
    }

    private JsonNode bool(LocatedJson value) {
        if (value instanceof LocatedJson.Scalar s) {
            JsonNode v = s.value();
            if (v.isBoolean()) {
                return v;
            }
            if (v.isTextual()) {
                switch (v.asText()) {
                    case "true", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON" -> {
                        return NODES.booleanNode(true);
                    }
                    case "false", "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> {
                        return NODES.booleanNode(false);
                    }
                    default -> {
                        return mismatch("bool", value);
                    }
                }
            }
            if (v.isNull()) {
                return nullWarning("bool", value);
            }
        }
        return mismatch("bool", value);
    }

    private static boolean isNull(LocatedJson value) {
        return value instanceof LocatedJson.Scalar s && s.value().isNull();
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private JsonNode nullWarning(String kind, LocatedJson value) {
        return warn("expected a " + kind + " value, found null", value.line(), value.col());
    }

    private JsonNode mismatch(String expected, LocatedJson value) {
        return warn("expected " + expected + ", found " + value.kind(), value.line(), value.col());
    }

    private JsonNode warn(String summary, int line, int col) {
        warnings.add("Warning: " + summary + "\n  in " + source + ":" + line + ":" + col + "\n\n");
        return null;
    }
}
