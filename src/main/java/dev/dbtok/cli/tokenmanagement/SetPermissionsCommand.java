package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.TokenPermissionsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dbtok token-management set-permissions --json ...}: replaces the whole token access list.
 * Without {@code --json} the request would be {@code {}}, which removes every direct grant, so
 * dbtok sends it only when the user writes that document out.
 */
@Command(
        name = "set-permissions",
        header = "Set token permissions.",
        description = {
            "Set token permissions.",
            "",
            "  Sets permissions on an object, replacing existing permissions if they exist.",
            "  Deletes all direct permissions if none are specified. Objects can inherit",
            "  permissions from their root object."
        })
final class SetPermissionsCommand extends LeafCommand {
    static final String REFUSAL = "set-permissions replaces the whole token access list, so running it without"
            + " --json would remove every direct permission. Pass the complete list with --json, or"
            + " --json '{\"access_control_list\": []}' to remove all direct permissions on purpose;"
            + " use update-permissions to add grants";

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 0);
        Session session = session();
        session.config();
        if (!json.given()) {
            throw new CliException(REFUSAL);
        }
        TokenPermissionsRequest request = JsonInput.request(json, null, TokenPermissionsRequest.class, session.err());
        Render.json(session, session.client().setPermissions(request));
        return ExitCodes.OK;
    }
}
