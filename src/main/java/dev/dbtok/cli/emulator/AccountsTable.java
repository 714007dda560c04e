package dev.dbtok.cli.emulator;

import dev.dbtok.emulator.Account;
import dev.dbtok.emulator.Credential;
import dev.dbtok.output.TextTable;
import dev.dbtok.output.TextTable.Column;

/** The emulator's accounts as {@code dbtok emulator} lists them: {@code Account  Kind  Token}. */
final class AccountsTable {
    private AccountsTable() {
    }

    static TextTable<Credential> of() {
        return TextTable.of(
                Column.id("Account", c -> c.account().userName()),
                Column.text("Kind", c -> kind(c.account())),
                Column.text("Token", Credential::token));
    }

    static String kind(Account account) {
        return account.kind().label() + (account.admin() ? ", workspace admin" : "");
    }
}
