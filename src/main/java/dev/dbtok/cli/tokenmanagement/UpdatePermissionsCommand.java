package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.TokenPermissionsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class UpdatePermissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 0);
        Session session = DbtokCommand.session(spec);
        session.config();
        TokenPermissionsRequest request = JsonInput.request(json, null, TokenPermissionsRequest.class, session.err());
        Render.json(session, session.client().updatePermissions(request));
        return ExitCodes.OK;
    }
}
