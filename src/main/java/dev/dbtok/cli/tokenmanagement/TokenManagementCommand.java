package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.model.Subcommands;
import picocli.CommandLine.Command;

/** {@code dbtok token-management}: workspace admins' view of everyone's tokens and who may use them. */
@Command(
        name = "token-management",
        header = "Enables administrators to get all tokens and delete tokens for other users.",
        description = {
            "Enables administrators to get all tokens and delete tokens for other users.",
            "  Admins can either get every token, get a specific token by ID, or get all",
            "  tokens for a particular user."
        })
@Subcommands({
    CreateOboTokenCommand.class,
    DeleteCommand.class,
    GetCommand.class,
    GetPermissionLevelsCommand.class,
    GetPermissionsCommand.class,
    ListCommand.class,
    SetPermissionsCommand.class,
    UpdatePermissionsCommand.class,
    UpdateTokenManagementCommand.class
})
public final class TokenManagementCommand {
}
