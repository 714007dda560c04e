package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class GetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        session.config();
        String tokenId = TokenIds.require(session, args, "The ID of the token to get",
                "expected to have the id of the token to get");
        Render.json(session, session.client().getTokenManagement(tokenId));
        return ExitCodes.OK;
    }
}
