package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one {@link TokenInfo} straight from the parser: a listing of 100 000 tokens spends most of its time here,
 * and the shared mapper's generic record decoding is several times slower.
 *
 * <p>The result equals the mapper's: the usual tokens (strings, 64-bit integers, arrays of strings, {@code null} as
 * absent, unknown fields skipped) are read here; any other value of a field (an integer as a string, a float, an
 * object where a string belongs, ...) is handed to the mapper, so that it is converted, or refused with the same
 * error, as the whole-response decoding would. A missing or {@code null} list is empty.
 */
final class TokenInfoReader {
    private static final ObjectReader ITEM = Json.mapper().readerFor(TokenInfo.class);
    private static final ObjectReader STRING = Json.mapper().readerFor(String.class);
    private static final ObjectReader INT64 = Json.mapper().readerFor(Long.class);
    private static final ObjectReader STRINGS = Json.mapper().readerForListOf(String.class);

    private TokenInfoReader() {
    }

    /** The token whose first token the parser is on. */
    static TokenInfo read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return ITEM.readValue(parser);
        }
        String tokenId = null;
        Long creationTime = null;
        Long expiryTime = null;
        String comment = null;
        List<String> scopes = null;
        String autoscopeState = null;
        List<String> inferredScopes = null;
        List<String> backfillScopes = null;
        Long createdById = null;
        String createdByUsername = null;
        Long lastUsedDay = null;
        Long ownerId = null;
        Long workspaceId = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            boolean unknown = false;
            try {
                switch (name) {
                    case "token_id" -> tokenId = string(parser);
                    case "creation_time" -> creationTime = int64(parser);
                    case "expiry_time" -> expiryTime = int64(parser);
                    case "comment" -> comment = string(parser);
                    case "scopes" -> scopes = strings(parser);
                    case "autoscope_state" -> autoscopeState = string(parser);
                    case "inferred_scopes" -> inferredScopes = strings(parser);
                    case "backfill_scopes" -> backfillScopes = strings(parser);
                    case "created_by_id" -> createdById = int64(parser);
                    case "created_by_username" -> createdByUsername = string(parser);
                    case "last_used_day" -> lastUsedDay = int64(parser);
                    case "owner_id" -> ownerId = int64(parser);
                    case "workspace_id" -> workspaceId = int64(parser);
                    default -> {
                        unknown = true;
                        parser.skipChildren();
                    }
                }
            } catch (JsonProcessingException e) {
                // As the mapper reports it: a value that fails to decode, broken JSON included, at its field; a
                // skipped one at the token.
                throw unknown ? e : JsonMappingException.wrapWithPath(e, TokenInfo.class, name);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            // Not reached for well-formed input: nextFieldName() fails on anything else.
            throw new JsonMappingException(parser, "unexpected " + parser.currentToken());
        }
        return new TokenInfo(tokenId, creationTime, expiryTime, comment, orEmpty(scopes), autoscopeState,
                orEmpty(inferredScopes), orEmpty(backfillScopes), createdById, createdByUsername, lastUsedDay, ownerId, workspaceId);
    }

    /** The mapper reads a missing list as an empty one. */
    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String string(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> STRING.readValue(parser);
        };
    }

    private static Long int64(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return token == JsonToken.VALUE_NULL ? null : INT64.readValue(parser);
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return new ArrayList<>();
        }
        if (token != JsonToken.START_ARRAY) {
            return STRINGS.readValue(parser);
        }
        List<String> values = new ArrayList<>();
        try {
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                values.add(item == JsonToken.VALUE_STRING ? parser.getText() : string(parser));
            }
        } catch (JsonProcessingException e) {
            throw JsonMappingException.wrapWithPath(e, values, values.size());
        }
        return values;
    }
}
