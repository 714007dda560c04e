package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dbtok.http.model.ListPublicTokensResponse;
import dev.dbtok.http.model.PublicTokenInfo;
import java.io.IOException;
import java.util.List;

import static dev.dbtok.http.JsonValues.byMapper;
import static dev.dbtok.http.JsonValues.int64;
import static dev.dbtok.http.JsonValues.orEmpty;
import static dev.dbtok.http.JsonValues.string;
import static dev.dbtok.http.JsonValues.strings;

/**
 * Decodes one {@link PublicTokenInfo} straight from the parser, so that {@code tokens list} never builds the shared
 * mapper: that alone loads some 600 classes, a quarter of the command's run.
 *
 * <p>The result equals the mapper's, as {@link TokenInfoReader}'s does: the usual tokens here, any other value by the
 * mapper ({@link JsonValues}), unknown fields skipped, a missing or {@code null} list empty.
 */
final class PublicTokenInfoReader {
    private PublicTokenInfoReader() {
    }

    /** The token whose first token the parser is on. */
    static PublicTokenInfo read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return byMapper(parser, PublicTokenInfo.class);
        }
        Fields fields = new Fields();
        JsonObjectFields.read(parser, PublicTokenInfo.class, fields);
        return fields.token();
    }

    /** The fields of a {@link PublicTokenInfo}; {@link TokenInfoReader} reads the same ones of a {@code TokenInfo}. */
    static final class Fields implements JsonObjectFields.Sink {
        String tokenId;
        Long creationTime;
        Long expiryTime;
        String comment;
        List<String> scopes;
        String autoscopeState;
        List<String> inferredScopes;
        List<String> backfillScopes;

        @Override
        public boolean read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "token_id" -> tokenId = string(parser);
                case "creation_time" -> creationTime = int64(parser);
                case "expiry_time" -> expiryTime = int64(parser);
                case "comment" -> comment = string(parser);
                case "scopes" -> scopes = strings(parser);
                case "autoscope_state" -> autoscopeState = string(parser);
                case "inferred_scopes" -> inferredScopes = strings(parser);
                case "backfill_scopes" -> backfillScopes = strings(parser);
                default -> {
                    return false;
                }
            }
            return true;
        }

        PublicTokenInfo token() {
            return new PublicTokenInfo(tokenId, creationTime, expiryTime, comment, orEmpty(scopes), autoscopeState,
                    orEmpty(inferredScopes), orEmpty(backfillScopes));
        }
    }

    /** A body that is not a plain object ({@code null}, {@code []}, {@code ""}, ...), decoded by the mapper. */
    static List<PublicTokenInfo> readWhole(JsonParser parser) throws IOException {
        ListPublicTokensResponse whole = byMapper(parser, ListPublicTokensResponse.class);
        return whole == null ? List.of() : whole.tokenInfos();
    }
}
