package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.output.GoJsonWriter;
import java.io.Writer;

/**
 * Prints tokens as the shared mapper would ({@code JsonOutput}), field by field: keys sorted, absent fields and
 * empty lists left out. A listing of 100 000 tokens is printed several times faster this way. A test compares the
 * two for every field of {@link TokenInfo}, so a field added there and forgotten here fails it.
 */
final class TokenInfoJson {
    private TokenInfoJson() {
    }

    /**
     * Prints the tokens as one JSON array and a newline. When iterating fails, what was held back is dropped (or,
     * once output has begun, completed with the tokens decoded so far) and the failure is rethrown.
     */
    static void printArray(Iterable<TokenInfo> tokens, Writer out) {
        GoJsonWriter json = new GoJsonWriter(out);
        try {
            json.beginArray();
            for (TokenInfo token : tokens) {
                write(token, json);
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
        json.field("autoscope_state", token.autoscopeState());
        json.field("backfill_scopes", token.backfillScopes());
        json.field("comment", token.comment());
        json.field("created_by_id", token.createdById());
        json.field("created_by_username", token.createdByUsername());
        json.field("creation_time", token.creationTime());
        json.field("expiry_time", token.expiryTime());
        json.field("inferred_scopes", token.inferredScopes());
        json.field("last_used_day", token.lastUsedDay());
        json.field("owner_id", token.ownerId());
        json.field("scopes", token.scopes());
        json.field("token_id", token.tokenId());
        json.field("workspace_id", token.workspaceId());
        json.endObject();
    }
}
