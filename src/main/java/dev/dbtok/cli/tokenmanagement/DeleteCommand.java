package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class DeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        session.config();
        String tokenId = TokenIds.require(session, args, "The ID of the token to revoke",
                "expected to have the id of the token to revoke");
        session.client().deleteTokenManagement(tokenId);
        return ExitCodes.OK;
    }
}
