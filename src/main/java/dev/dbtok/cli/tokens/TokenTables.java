package dev.dbtok.cli.tokens;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.TextTable;
import dev.dbtok.output.TextTable.Column;

/** The text-mode table of {@code tokens list}: {@code ID  Expiry time  Comment}. */
final class TokenTables {
    private TokenTables() {
    }

    static TextTable<PublicTokenInfo> publicTokens() {
        return TextTable.of(
                Column.id("ID", t -> orEmpty(t.tokenId())),
                Column.text("Expiry time", t -> String.valueOf(t.expiryTime() == null ? 0L : t.expiryTime())),
                Column.text("Comment", t -> orEmpty(t.comment())));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
