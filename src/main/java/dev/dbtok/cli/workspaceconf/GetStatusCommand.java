package dev.dbtok.cli.workspaceconf;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbtok workspace-conf get-status KEYS}: the values of comma-separated settings, as JSON. */
@Command(
        name = "get-status",
        customSynopsis = "KEYS",
        header = "Check configuration status.",
        description = {
            "Check configuration status.",
            "",
            "  Gets the configuration status for a workspace."
        })
final class GetStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 1);
        Session session = DbtokCommand.session(spec);
        Render.json(session, session.client().getWorkspaceConf(args.get(0)));
        return ExitCodes.OK;
    }
}
