package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The field values of the streaming decoders ({@link TokenInfoReader}, {@link PublicTokenInfoReader}), read as the
 * shared mapper reads them: the usual tokens (a string, a 64-bit integer, an array of strings, {@code null}) here,
 * anything else (an integer as a string, a float, an object where a string belongs, ...) by the mapper, which converts
 * it or refuses it with its own error. The mapper is built only when such a value turns up.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** Built on the first value that needs the mapper: a clean listing never does. */
    private static final class Mapper {
        static final ObjectReader STRING = Json.mapper().readerFor(String.class);
        static final ObjectReader INT64 = Json.mapper().readerFor(Long.class);
        static final ObjectReader STRINGS = Json.mapper().readerForListOf(String.class);
    }

    /** The value the mapper decodes as {@code type}, whatever token the parser is on. */
    static <T> T byMapper(JsonParser parser, Class<T> type) throws IOException {
        return Json.mapper().readerFor(type).readValue(parser);
    }

    /** The list the mapper decodes, of {@code type} items, whatever token the parser is on. */
    static <T> List<T> listByMapper(JsonParser parser, Class<T> type) throws IOException {
        return Json.mapper().readerForListOf(type).readValue(parser);
    }

    static String string(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> Mapper.STRING.readValue(parser);
        };
    }

    static Long int64(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return token == JsonToken.VALUE_NULL ? null : Mapper.INT64.readValue(parser);
    }

    /** A list of strings; {@code null} reads as an empty list, as the mapper reads it. */
    static List<String> strings(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return new ArrayList<>();
        }
        if (token != JsonToken.START_ARRAY) {
            return Mapper.STRINGS.readValue(parser);
        }
        List<String> values = new ArrayList<>();
        try {
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                values.add(item == JsonToken.VALUE_STRING ? parser.getText() : string(parser));
            }
        } catch (JsonProcessingException e) {
            throw DecodePaths.atIndex(e, values, values.size());
        }
        return values;
    }

    /** The mapper reads a missing list as an empty one. */
    static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
