package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dbtok token-management update-token-management TOKEN_ID --json ...}: edits anyone's token. */
@Command(
        name = "update-token-management",
        customSynopsis = "TOKEN_ID",
        header = "Update an on-behalf token.",
        description = {
            "Update an on-behalf token.",
            "",
            "  Updates a token, specified by its ID.",
            "",
            "  Arguments:",
            "    TOKEN_ID: ID of the token."
        })
final class UpdateTokenManagementCommand extends LeafCommand {
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 1);
        Session session = session();
        session.config();
        Positional.requireJson(json);
        UpdateTokenManagementRequest request =
                JsonInput.request(json, null, UpdateTokenManagementRequest.class, session.err());
        Render.json(session, session.client().updateTokenManagement(args.get(0), request));
        return ExitCodes.OK;
    }
}
