package dev.dbtok.cli.tokens;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.UpdateTokenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbtok tokens update TOKEN_ID --json ...}: changes a token's comment or scopes. */
@Command(
        name = "update",
        customSynopsis = "TOKEN_ID",
        header = "Update a user token.",
        description = {
            "Update a user token.",
            "",
            "  Updates the comment or scopes of a token.",
            "",
            "  If a token with the specified ID is not valid, this call returns an error",
            "  **NOT_FOUND**.",
            "",
            "  Arguments:",
            "    TOKEN_ID: The SHA-256 hash of the token to be updated."
        })
final class UpdateTokenCommand extends LeafCommand {
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 1);
        Session session = session();
        session.config();
        Positional.requireJson(json);
        UpdateTokenRequest request = JsonInput.request(json, null, UpdateTokenRequest.class, session.err());
        Render.json(session, session.client().updateToken(args.get(0), request));
        return ExitCodes.OK;
    }
}
