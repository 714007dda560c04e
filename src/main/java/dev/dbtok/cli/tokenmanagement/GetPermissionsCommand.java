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

/** {@code dbtok token-management get-permissions}: who may create and use tokens. */
@Command(
        name = "get-permissions",
        header = "Get token permissions.",
        description = {
            "Get token permissions.",
            "",
            "  Gets the permissions of all tokens. Tokens can inherit permissions from their",
            "  root object."
        })
final class GetPermissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Extra words are ignored, as the official CLI ignores them. */
    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        Render.json(session, session.client().getPermissions());
        return ExitCodes.OK;
    }
}
