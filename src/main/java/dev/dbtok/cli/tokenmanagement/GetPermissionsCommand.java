package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import picocli.CommandLine.Command;

/** {@code dbtok token-management get-permissions}: who may create and use tokens. */
@Command(
        name = "get-permissions",
        header = "Get token permissions.",
        description = {
            "Get token permissions.",
            "",
            "  Gets the permissions of all tokens. Tokens can inherit permissions from their",
            "  root object."
        })
final class GetPermissionsCommand extends LeafCommand {
    @Override
    public Integer call() {
        Session session = session();
        Render.json(session, session.client().getPermissions());
        return ExitCodes.OK;
    }
}
