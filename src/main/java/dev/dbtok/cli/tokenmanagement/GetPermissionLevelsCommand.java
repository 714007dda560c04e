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

/** {@code dbtok token-management get-permission-levels}: the levels a principal can hold on tokens. */
@Command(
        name = "get-permission-levels",
        header = "Get token permission levels.",
        description = {
            "Get token permission levels.",
            "",
            "  Gets the permission levels that a user can have on an object."
        })
final class GetPermissionLevelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Extra words are ignored, as the official CLI ignores them. */
    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        Render.json(session, session.client().getPermissionLevels());
        return ExitCodes.OK;
    }
}
