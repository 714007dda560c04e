package dev.dbtok.cli.tokens;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.TextTable;
import dev.dbtok.output.TextTable.Column;

/**
 * The text-mode table of {@code tokens list}: {@code ID  Expiry time  Comment}. A {@code null} in the
 * listing is a row of empty values (expiry {@code 0}), as the official CLI decodes it into an empty token.
 */
final class TokenTables {
    private TokenTables() {
    }

    static TextTable<PublicTokenInfo> publicTokens() {
        return TextTable.of(
                Column.id("ID", t -> t == null ? "" : orEmpty(t.tokenId())),
                Column.text("Expiry time", t -> t == null || t.expiryTime() == null ? "0" : String.valueOf(t.expiryTime())),
                Column.text("Comment", t -> t == null ? "" : orEmpty(t.comment())));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
