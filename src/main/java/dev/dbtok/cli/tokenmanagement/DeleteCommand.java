package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.Session;
import picocli.CommandLine.Command;

/** {@code dbtok token-management delete TOKEN_ID}: revokes anyone's token; prints nothing. */
@Command(
        name = "delete",
        customSynopsis = "TOKEN_ID",
        header = "Delete a token.",
        description = {
            "Delete a token.",
            "",
            "  Deletes a token, specified by its ID.",
            "",
            "  Arguments:",
            "    TOKEN_ID: The ID of the token to revoke."
        })
final class DeleteCommand extends LeafCommand {
    @Override
    public Integer call() {
        Session session = session();
        session.config();
        String tokenId = TokenIds.require(session, args, "The ID of the token to revoke",
                "expected to have the id of the token to revoke");
        session.client().deleteTokenManagement(tokenId);
        return ExitCodes.OK;
    }
}
