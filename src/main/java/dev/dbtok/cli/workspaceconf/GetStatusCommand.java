package dev.dbtok.cli.workspaceconf;

import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import picocli.CommandLine.Command;

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
final class GetStatusCommand extends LeafCommand {
    @Override
    public Integer call() {
        Positional.exactly(spec, args, 1);
        Session session = session();
        Render.json(session, session.client().getWorkspaceConf(args.get(0)));
        return ExitCodes.OK;
    }
}
