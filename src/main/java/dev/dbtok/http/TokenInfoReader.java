package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.dbtok.http.model.ListTokensResponse;
import dev.dbtok.http.model.TokenInfo;
import java.io.IOException;
import java.util.List;

import static dev.dbtok.http.JsonValues.byMapper;
import static dev.dbtok.http.JsonValues.int64;
import static dev.dbtok.http.JsonValues.orEmpty;
import static dev.dbtok.http.JsonValues.string;
import static dev.dbtok.http.JsonValues.strings;

/**
 * Decodes one {@link TokenInfo} straight from the parser: a listing of 100 000 tokens spends most of its time here,
 * and the shared mapper's generic record decoding is several times slower.
 *
 * <p>The result equals the mapper's: the usual tokens (strings, 64-bit integers, arrays of strings, {@code null} as
 * absent, unknown fields skipped) are read here, any other value by the mapper ({@link JsonValues}). A missing or
 * {@code null} list is empty.
 */
final class TokenInfoReader {
    private TokenInfoReader() {
    }

    /** The token whose first token the parser is on. */
    static TokenInfo read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return byMapper(parser, TokenInfo.class);
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
                throw unknown ? e : DecodePaths.atField(e, TokenInfo.class, name);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            // Not reached for well-formed input: nextFieldName() fails on anything else.
            throw DecodePaths.unexpected(parser, "unexpected " + parser.currentToken());
        }
        return new TokenInfo(tokenId, creationTime, expiryTime, comment, orEmpty(scopes), autoscopeState,
                orEmpty(inferredScopes), orEmpty(backfillScopes), createdById, createdByUsername, lastUsedDay, ownerId, workspaceId);
    }

    /** A body that is not a plain object ({@code null}, {@code []}, {@code ""}, ...), decoded by the mapper. */
    static List<TokenInfo> readWhole(JsonParser parser) throws IOException {
        ListTokensResponse whole = byMapper(parser, ListTokensResponse.class);
        return whole == null ? List.of() : whole.tokenInfos();
    }
}
