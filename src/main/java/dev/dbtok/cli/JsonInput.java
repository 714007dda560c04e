package dev.dbtok.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code --json} request body the way the official CLI does: parse errors are fatal and
 * name the source, line and column; fields the request type does not know, and values of the wrong
 * type, are dropped with a warning on stderr; a few harmless spellings are coerced silently
 * ({@code "3600"} for a number, {@code "yes"} for a boolean, numbers and booleans for text).
 */
public final class JsonInput {
    private JsonInput() {
    }

    /**
     * Parses {@code arg}, checks it against {@code requestType} (a record, or a {@code Map<String,String>}
     * for flat string maps), prints one warning per dropped value to {@code err}, and returns the
     * cleaned document: known fields only, with coerced values.
     */
    public static ObjectNode read(JsonArg arg, RequestSchema schema, PrintWriter err) {
        LocatedJson root = parse(arg);
        if (!(root instanceof LocatedJson.Obj)) {
            throw new CliException("expected JSON object, received " + root.kind());
        }
        List<String> warnings = new ArrayList<>();
        JsonNode cleaned = new Normalizer(arg.source(), warnings).normalize(schema, root);
        for (String warning : warnings) {
            err.print(warning);
        }
        err.flush();
        return (ObjectNode) cleaned;
    }

    /**
     * The request a command sends: {@code fromFlags} (may be {@code null}), overridden by the
     * {@code --json} document when one was given, checked against {@code type}.
     */
    public static <T> T request(JsonOption json, Object fromFlags, Class<T> type, PrintWriter err) {
        ObjectNode document = json.given() ? read(json.value(), RequestSchema.of(type), err) : null;
        return merge(fromFlags, document, type);
    }

    /**
     * Builds the request: values given by flags first, then every top-level key of the
     * {@code --json} document on top. A key present in the document is sent even when it is zero.
     */
    public static <T> T merge(Object fromFlags, ObjectNode json, Class<T> type) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode merged = fromFlags == null ? JsonNodeFactory.instance.objectNode() : mapper.valueToTree(fromFlags);
        if (json != null) {
            merged.setAll(json);
        }
        try {
            return mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new CliException("cannot build request: " + e.getOriginalMessage(), e);
        }
    }

    static LocatedJson parse(JsonArg arg) {
        JsonFactory factory = Json.mapper().getFactory();
        try (JsonParser parser = factory.createParser(arg.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw decodeError(arg, parser.currentLocation(), "unexpected end of JSON input");
            }
            LocatedJson value = readValue(parser);
            int extra = firstNonSpace(arg.text(), (int) parser.currentLocation().getCharOffset());
            if (extra >= 0) {
                throw decodeError(arg, lineOf(arg.text(), extra), columnOf(arg.text(), extra), "unexpected additional content");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
            throw decodeError(arg, where, firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocatedJson readValue(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<LocatedJson.Field> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    parser.nextToken();
                    // Locations point at the first character of the key name, one past its quote.
                    fields.add(new LocatedJson.Field(key, keyAt.getLineNr(), keyAt.getColumnNr() + 1, readValue(parser)));
                }
                return new LocatedJson.Obj(fields, line, col);
            }
            case START_ARRAY -> {
                List<LocatedJson> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new LocatedJson.Arr(items, line, col);
            }
            default -> {
                JsonNode scalar = Json.mapper().readTree(parser);
                return new LocatedJson.Scalar(scalar, line, col);
            }
        }
    }

    private static CliException decodeError(JsonArg arg, JsonLocation where, String detail) {
        return decodeError(arg, where.getLineNr(), where.getColumnNr(), detail);
    }

    private static CliException decodeError(JsonArg arg, int line, int col, String detail) {
        return new CliException("error decoding JSON at " + arg.source() + ":" + Math.max(line, 1) + ":"
                + Math.max(col, 1) + ": " + detail);
    }

    private static int firstNonSpace(String text, int from) {
        for (int i = Math.max(from, 0); i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int index) {
        return index - text.lastIndexOf('\n', index - 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
