package dev.dbtok.cli.tokens;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.IdPicker;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.RevokeTokenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dbtok tokens delete TOKEN_ID}: revokes one of the caller's tokens; prints nothing. */
@Command(
        name = "delete",
        customSynopsis = "TOKEN_ID",
        header = "Revoke token.",
        description = {
            "Revoke token.",
            "",
            "  Revokes an access token.",
            "",
            "  If a token with the specified ID is not valid, this call returns an error",
            "  **RESOURCE_DOES_NOT_EXIST**.",
            "",
            "  Arguments:",
            "    TOKEN_ID: The ID of the token to be revoked."
        })
final class DeleteTokenCommand extends LeafCommand {
    static final String LABEL = "The ID of the token to be revoked";

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Positional.noneWithJson(json, args, "token_id");
        Session session = session();
        session.config();
        RevokeTokenRequest request;
        if (json.given()) {
            request = JsonInput.request(json, null, RevokeTokenRequest.class, session.err());
        } else {
            if (args.isEmpty()) {
                args.add(new IdPicker(session).pick(LABEL, "Tokens", () -> TokenChoices.of(session.client().listTokens())));
            }
            if (args.size() != 1) {
                throw new CliException("expected to have the id of the token to be revoked");
            }
            request = new RevokeTokenRequest(args.get(0));
        }
        session.client().revokeToken(request);
        return ExitCodes.OK;
    }
}
