package dev.dbtok.http;

import dev.dbtok.http.model.TokenInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.dbtok.http.JsonValues.orEmpty;

/**
 * Reads one {@link TokenInfo} of a plain body for {@link ListScanner}: an object whose fields hold strings, integers,
 * lists of strings or {@code null}, as {@link TokenInfoReader} would decode it, unknown fields with a scalar value
 * skipped. Anything else is declined and left to {@link TokenInfoReader}.
 */
final class TokenInfoScan {
    private static final int TOKEN_ID = 0;
    private static final int CREATION_TIME = 1;
    private static final int EXPIRY_TIME = 2;
    private static final int COMMENT = 3;
    private static final int CREATED_BY_ID = 4;
    private static final int CREATED_BY_USERNAME = 5;
    private static final int OWNER_ID = 6;
    private static final int WORKSPACE_ID = 7;
    private static final int LAST_USED_DAY = 8;
    private static final int SCOPES = 9;
    private static final int AUTOSCOPE_STATE = 10;
    private static final int INFERRED_SCOPES = 11;
    private static final int BACKFILL_SCOPES = 12;
    /** By the constants above; the usual fields first, as they are looked up in order. */
    private static final byte[][] NAMES = names("token_id", "creation_time", "expiry_time", "comment", "created_by_id",
            "created_by_username", "owner_id", "workspace_id", "last_used_day", "scopes", "autoscope_state",
            "inferred_scopes", "backfill_scopes");

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
                int b = in.peek();
                in.skip();
                if (b == '}') {
                    break;
                }
                if (b != ',') {
                    throw JsonBytes.decline();
                }
            }
        }
        return new TokenInfo(tokenId, creationTime, expiryTime, comment, orEmpty(scopes), autoscopeState,
                orEmpty(inferredScopes), orEmpty(backfillScopes), createdById, createdByUsername, lastUsedDay, ownerId,
                workspaceId);
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
