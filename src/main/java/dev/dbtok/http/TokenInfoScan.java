package dev.dbtok.http;

import dev.dbtok.http.model.TokenInfo;
import java.io.IOException;
import java.util.List;

import static dev.dbtok.http.JsonValues.orEmpty;
import static dev.dbtok.http.ScannedToken.AUTOSCOPE_STATE;
import static dev.dbtok.http.ScannedToken.BACKFILL_SCOPES;
import static dev.dbtok.http.ScannedToken.COMMENT;
import static dev.dbtok.http.ScannedToken.CREATED_BY_ID;
import static dev.dbtok.http.ScannedToken.CREATED_BY_USERNAME;
import static dev.dbtok.http.ScannedToken.CREATION_TIME;
import static dev.dbtok.http.ScannedToken.EXPIRY_TIME;
import static dev.dbtok.http.ScannedToken.INFERRED_SCOPES;
import static dev.dbtok.http.ScannedToken.LAST_USED_DAY;
import static dev.dbtok.http.ScannedToken.NAMES;
import static dev.dbtok.http.ScannedToken.OWNER_ID;
import static dev.dbtok.http.ScannedToken.SCOPES;
import static dev.dbtok.http.ScannedToken.TOKEN_ID;
import static dev.dbtok.http.ScannedToken.WORKSPACE_ID;

/**
 * Reads one {@link TokenInfo} of a plain body for {@link ListScanner}: an object whose fields hold strings, integers,
 * lists of strings or {@code null}, as {@link TokenInfoReader} would decode it, unknown fields with a scalar value
 * skipped. Anything else is declined and left to {@link TokenInfoReader}.
 */
final class TokenInfoScan {
    private TokenInfoScan() {
    }

    static TokenInfo read(JsonBytes in) throws IOException {
        if (in.peek() != '{') {
            throw JsonBytes.decline(); // null, or not an object: the mapper decodes it
        }
        in.skip();
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
        if (in.peek() == '}') {
            in.skip();
        } else {
            int field = -1;
            while (true) {
                // Fields tend to come in the order of NAMES: the one after the last is looked for first.
                field = in.name(NAMES, field + 1);
                // A field met twice keeps its last value, as with Jackson.
                switch (field) {
                    case TOKEN_ID -> tokenId = in.stringOrNull();
                    case CREATION_TIME -> creationTime = in.int64OrNull();
                    case EXPIRY_TIME -> expiryTime = in.int64OrNull();
                    case COMMENT -> comment = in.stringOrNull();
                    case CREATED_BY_ID -> createdById = in.int64OrNull();
                    case CREATED_BY_USERNAME -> createdByUsername = in.stringOrNull();
                    case OWNER_ID -> ownerId = in.int64OrNull();
                    case WORKSPACE_ID -> workspaceId = in.int64OrNull();
                    case LAST_USED_DAY -> lastUsedDay = in.int64OrNull();
                    case SCOPES -> scopes = in.stringsOrNull();
                    case AUTOSCOPE_STATE -> autoscopeState = in.stringOrNull();
                    case INFERRED_SCOPES -> inferredScopes = in.stringsOrNull();
                    case BACKFILL_SCOPES -> backfillScopes = in.stringsOrNull();
                    default -> in.skipScalar();
                }
                if (in.endOfObject()) {
                    break;
                }
            }
        }
        return new TokenInfo(tokenId, creationTime, expiryTime, comment, orEmpty(scopes), autoscopeState,
                orEmpty(inferredScopes), orEmpty(backfillScopes), createdById, createdByUsername, lastUsedDay, ownerId,
                workspaceId);
    }
}
