package dev.dbtok.cli.tokenmanagement;

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

/** {@code dbtok token-management update-permissions [--json ...]}: adds to the token access list. */
@Command(
        name = "update-permissions",
        header = "Update token permissions.",
        description = {
            "Update token permissions.",
            "",
            "  Updates the permissions on all tokens. Tokens can inherit permissions from",
            "  their root object."
        })
final class UpdatePermissionsCommand extends LeafCommand {
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 0);
        Session session = session();
        session.config();
        TokenPermissionsRequest request = JsonInput.request(json, null, TokenPermissionsRequest.class, session.err());
        Render.json(session, session.client().updatePermissions(request));
        return ExitCodes.OK;
    }
}
