package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
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
        Fields fields = new Fields();
        JsonObjectFields.read(parser, TokenInfo.class, fields);
        return fields.token();
    }

    /** The fields of a {@link TokenInfo}: those of a public token, and who created and owns it. */
    private static final class Fields implements JsonObjectFields.Sink {
        private final PublicTokenInfoReader.Fields common = new PublicTokenInfoReader.Fields();
        private Long createdById;
        private String createdByUsername;
        private Long lastUsedDay;
        private Long ownerId;
        private Long workspaceId;

        @Override
        public boolean read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "created_by_id" -> createdById = int64(parser);
                case "created_by_username" -> createdByUsername = string(parser);
                case "last_used_day" -> lastUsedDay = int64(parser);
                case "owner_id" -> ownerId = int64(parser);
                case "workspace_id" -> workspaceId = int64(parser);
                default -> {
                    return common.read(name, parser);
                }
            }
            return true;
        }

        TokenInfo token() {
            PublicTokenInfoReader.Fields c = common;
            return new TokenInfo(c.tokenId, c.creationTime, c.expiryTime, c.comment, orEmpty(c.scopes), c.autoscopeState,
                    orEmpty(c.inferredScopes), orEmpty(c.backfillScopes), createdById, createdByUsername, lastUsedDay,
                    ownerId, workspaceId);
        }
    }

    /** A body that is not a plain object ({@code null}, {@code []}, {@code ""}, ...), decoded by the mapper. */
    static List<TokenInfo> readWhole(JsonParser parser) throws IOException {
        ListTokensResponse whole = byMapper(parser, ListTokensResponse.class);
        return whole == null ? List.of() : whole.tokenInfos();
    }
}
