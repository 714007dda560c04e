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
        json.field("autoscope_state", token.autoscopeState());
        json.field("backfill_scopes", token.backfillScopes());
        json.field("comment", token.comment());
        json.field("creation_time", token.creationTime());
        json.field("expiry_time", token.expiryTime());
        json.field("inferred_scopes", token.inferredScopes());
        json.field("scopes", token.scopes());
        json.field("token_id", token.tokenId());
        json.endObject();
    }
}
