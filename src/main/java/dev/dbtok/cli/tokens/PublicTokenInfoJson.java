package dev.dbtok.cli.tokens;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.GoJsonWriter;
import java.io.Writer;
import java.util.List;

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
        string(json, "autoscope_state", token.autoscopeState());
        strings(json, "backfill_scopes", token.backfillScopes());
        string(json, "comment", token.comment());
        int64(json, "creation_time", token.creationTime());
        int64(json, "expiry_time", token.expiryTime());
        strings(json, "inferred_scopes", token.inferredScopes());
        strings(json, "scopes", token.scopes());
        string(json, "token_id", token.tokenId());
        json.endObject();
    }

    private static void string(GoJsonWriter json, String name, String value) {
        if (value != null) {
            json.name(name);
            json.value(value);
        }
    }

    private static void int64(GoJsonWriter json, String name, Long value) {
        if (value != null) {
            json.name(name);
            json.value(value.longValue());
        }
    }

    private static void strings(GoJsonWriter json, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            json.name(name);
            json.beginArray();
            for (String value : values) {
                json.value(value);
            }
            json.endArray();
        }
    }
}
