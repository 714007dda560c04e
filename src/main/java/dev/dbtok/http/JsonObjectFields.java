package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The field loop of the streaming decoders: each field of one JSON object goes to a {@link Sink}, unknown fields are
 * skipped, and failures are reported where the shared mapper reports them, so that the decoders equal the mapper.
 */
final class JsonObjectFields {
    private JsonObjectFields() {
    }

    /** Takes the fields of one object. */
    interface Sink {
        /** Reads the value of {@code name}, which the parser is on; {@code false} for a field it does not know. */
        boolean read(String name, JsonParser parser) throws IOException;
    }

    /** Reads the object the parser is on ({@code START_OBJECT}) into {@code sink}, as the mapper would into {@code type}. */
    static void read(JsonParser parser, Class<?> type, Sink sink) throws IOException {
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            boolean known;
            try {
                known = sink.read(name, parser);
            } catch (JsonProcessingException e) {
                // As the mapper reports it: a value that fails to decode, broken JSON included, at its field.
                throw DecodePaths.atField(e, type, name);
            }
            if (!known) {
                parser.skipChildren(); // broken JSON in a skipped value is reported at the token, as by the mapper
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            // Not reached for well-formed input: nextFieldName() fails on anything else.
            throw DecodePaths.unexpected(parser, "unexpected " + parser.currentToken());
        }
    }
}
