package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class UpdateTokenManagementCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 1);
        Session session = DbtokCommand.session(spec);
        session.config();
        Positional.requireJson(json);
        UpdateTokenManagementRequest request =
                JsonInput.request(json, null, UpdateTokenManagementRequest.class, session.err());
        Render.json(session, session.client().updateTokenManagement(args.get(0), request));
        return ExitCodes.OK;
    }
}
