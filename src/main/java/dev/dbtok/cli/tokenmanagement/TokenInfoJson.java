package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.http.ScannedToken;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.output.GoJsonWriter;
import java.io.Writer;

/**
 * Prints tokens as the shared mapper would ({@code JsonOutput}), field by field: keys sorted, absent fields and
 * empty lists left out. A listing of 100 000 tokens is printed several times faster this way. A test compares the
 * two for every field of {@link TokenInfo}, so a field added there and forgotten here fails it.
 */
final class TokenInfoJson {
    private static final GoJsonWriter.Key AUTOSCOPE_STATE = GoJsonWriter.key("autoscope_state");
    private static final GoJsonWriter.Key BACKFILL_SCOPES = GoJsonWriter.key("backfill_scopes");
    private static final GoJsonWriter.Key COMMENT = GoJsonWriter.key("comment");
    private static final GoJsonWriter.Key CREATED_BY_ID = GoJsonWriter.key("created_by_id");
    private static final GoJsonWriter.Key CREATED_BY_USERNAME = GoJsonWriter.key("created_by_username");
    private static final GoJsonWriter.Key CREATION_TIME = GoJsonWriter.key("creation_time");
    private static final GoJsonWriter.Key EXPIRY_TIME = GoJsonWriter.key("expiry_time");
    private static final GoJsonWriter.Key INFERRED_SCOPES = GoJsonWriter.key("inferred_scopes");
    private static final GoJsonWriter.Key LAST_USED_DAY = GoJsonWriter.key("last_used_day");
    private static final GoJsonWriter.Key OWNER_ID = GoJsonWriter.key("owner_id");
    private static final GoJsonWriter.Key SCOPES = GoJsonWriter.key("scopes");
    private static final GoJsonWriter.Key TOKEN_ID = GoJsonWriter.key("token_id");
    private static final GoJsonWriter.Key WORKSPACE_ID = GoJsonWriter.key("workspace_id");

    private TokenInfoJson() {
    }

    /**
     * Prints the tokens, {@link TokenInfo}s or {@link ScannedToken}s, as one JSON array and a newline. When iterating
     * fails, what was held back is dropped (or, once output has begun, completed with the tokens decoded so far) and
     * the failure is rethrown.
     */
    static void printArray(Iterable<?> tokens, Writer out) {
        GoJsonWriter json = new GoJsonWriter(out);
        try {
            json.beginArray();
            for (Object token : tokens) {
                if (token instanceof ScannedToken scanned) {
                    write(scanned, json);
                } else {
                    write((TokenInfo) token, json);
                }
            }
            json.endArray();
            json.newline();
        } catch (RuntimeException e) {
            json.abandon();
            throw e;
        }
        json.finish();
    }

    static void write(TokenInfo token, GoJsonWriter json) {
        if (token == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.field(AUTOSCOPE_STATE, token.autoscopeState());
        json.field(BACKFILL_SCOPES, token.backfillScopes());
        json.field(COMMENT, token.comment());
        json.field(CREATED_BY_ID, token.createdById());
        json.field(CREATED_BY_USERNAME, token.createdByUsername());
        json.field(CREATION_TIME, token.creationTime());
        json.field(EXPIRY_TIME, token.expiryTime());
        json.field(INFERRED_SCOPES, token.inferredScopes());
        json.field(LAST_USED_DAY, token.lastUsedDay());
        json.field(OWNER_ID, token.ownerId());
        json.field(SCOPES, token.scopes());
        json.field(TOKEN_ID, token.tokenId());
        json.field(WORKSPACE_ID, token.workspaceId());
        json.endObject();
    }

    /** As {@link #write(TokenInfo, GoJsonWriter)} writes the token the scanned one decodes to; a test compares them. */
    static void write(ScannedToken token, GoJsonWriter json) {
        json.beginObject();
        string(AUTOSCOPE_STATE, token, ScannedToken.AUTOSCOPE_STATE, json);
        strings(BACKFILL_SCOPES, token, ScannedToken.BACKFILL_SCOPES, json);
        string(COMMENT, token, ScannedToken.COMMENT, json);
        integer(CREATED_BY_ID, token, ScannedToken.CREATED_BY_ID, json);
        string(CREATED_BY_USERNAME, token, ScannedToken.CREATED_BY_USERNAME, json);
        integer(CREATION_TIME, token, ScannedToken.CREATION_TIME, json);
        integer(EXPIRY_TIME, token, ScannedToken.EXPIRY_TIME, json);
        strings(INFERRED_SCOPES, token, ScannedToken.INFERRED_SCOPES, json);
        integer(LAST_USED_DAY, token, ScannedToken.LAST_USED_DAY, json);
        integer(OWNER_ID, token, ScannedToken.OWNER_ID, json);
        strings(SCOPES, token, ScannedToken.SCOPES, json);
        string(TOKEN_ID, token, ScannedToken.TOKEN_ID, json);
        integer(WORKSPACE_ID, token, ScannedToken.WORKSPACE_ID, json);
        json.endObject();
    }

    private static void string(GoJsonWriter.Key key, ScannedToken token, int field, GoJsonWriter json) {
        if (token.has(field)) {
            json.name(key);
            json.plainString(token.json(), token.start(field), token.end(field));
        }
    }

    private static void integer(GoJsonWriter.Key key, ScannedToken token, int field, GoJsonWriter json) {
        if (token.has(field)) {
            json.name(key);
            json.plainInteger(token.json(), token.start(field), token.end(field));
        }
    }

    /** Left out when absent or empty, as a list is. */
    private static void strings(GoJsonWriter.Key key, ScannedToken token, int field, GoJsonWriter json) {
        if (token.hasItems(field)) {
            json.name(key);
            json.plainStrings(token.json(), token.start(field), token.end(field));
        }
    }
}
