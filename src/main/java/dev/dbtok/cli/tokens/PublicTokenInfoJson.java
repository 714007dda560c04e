package dev.dbtok.cli.tokens;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.GoJsonWriter;
import java.io.Writer;

/**
 * Prints tokens as the shared mapper would ({@code JsonOutput}), field by field: keys sorted, absent fields and
 * empty lists left out, {@code null} tokens as {@code null}. Printing through the mapper would build it, which costs
 * a short {@code tokens list -o json} a quarter of its run. A test compares the two for every field of
 * {@link PublicTokenInfo}, so a field added there and forgotten here fails it.
 */
final class PublicTokenInfoJson {
    private static final GoJsonWriter.Key AUTOSCOPE_STATE = GoJsonWriter.key("autoscope_state");
    private static final GoJsonWriter.Key BACKFILL_SCOPES = GoJsonWriter.key("backfill_scopes");
    private static final GoJsonWriter.Key COMMENT = GoJsonWriter.key("comment");
    private static final GoJsonWriter.Key CREATION_TIME = GoJsonWriter.key("creation_time");
    private static final GoJsonWriter.Key EXPIRY_TIME = GoJsonWriter.key("expiry_time");
    private static final GoJsonWriter.Key INFERRED_SCOPES = GoJsonWriter.key("inferred_scopes");
    private static final GoJsonWriter.Key SCOPES = GoJsonWriter.key("scopes");
    private static final GoJsonWriter.Key TOKEN_ID = GoJsonWriter.key("token_id");

    private PublicTokenInfoJson() {
    }

    /** Prints the tokens as one JSON array ({@code []} when there are none) and a newline, and flushes. */
    static void printArray(Iterable<PublicTokenInfo> tokens, Writer out) {
        GoJsonWriter json = new GoJsonWriter(out);
        json.beginArray();
        for (PublicTokenInfo token : tokens) {
            write(token, json);
        }
        json.endArray();
        json.newline();
        json.finish();
    }

    static void write(PublicTokenInfo token, GoJsonWriter json) {
        if (token == null) {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.field(AUTOSCOPE_STATE, token.autoscopeState());
        json.field(BACKFILL_SCOPES, token.backfillScopes());
        json.field(COMMENT, token.comment());
        json.field(CREATION_TIME, token.creationTime());
        json.field(EXPIRY_TIME, token.expiryTime());
        json.field(INFERRED_SCOPES, token.inferredScopes());
        json.field(SCOPES, token.scopes());
        json.field(TOKEN_ID, token.tokenId());
        json.endObject();
    }
}
