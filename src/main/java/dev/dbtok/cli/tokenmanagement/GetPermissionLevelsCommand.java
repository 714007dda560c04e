package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import picocli.CommandLine.Command;

/** {@code dbtok token-management get-permission-levels}: the levels a principal can hold on tokens. */
@Command(
        name = "get-permission-levels",
        header = "Get token permission levels.",
        description = {
            "Get token permission levels.",
            "",
            "  Gets the permission levels that a user can have on an object."
        })
final class GetPermissionLevelsCommand extends LeafCommand {
    @Override
    public Integer call() {
        Session session = session();
        Render.json(session, session.client().getPermissionLevels());
        return ExitCodes.OK;
    }
}
