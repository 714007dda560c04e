package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import picocli.CommandLine.Command;

/** {@code dbtok token-management get TOKEN_ID}: prints {@code {"token_info": {...}}}. */
@Command(
        name = "get",
        customSynopsis = "TOKEN_ID",
        header = "Get token info.",
        description = {
            "Get token info.",
            "",
            "  Gets information about a token, specified by its ID.",
            "",
            "  Arguments:",
            "    TOKEN_ID: The ID of the token to get."
        })
final class GetCommand extends LeafCommand {
    @Override
    public Integer call() {
        Session session = session();
        session.config();
        String tokenId = TokenIds.require(session, args, "The ID of the token to get",
                "expected to have the id of the token to get");
        Render.json(session, session.client().getTokenManagement(tokenId));
        return ExitCodes.OK;
    }
}
