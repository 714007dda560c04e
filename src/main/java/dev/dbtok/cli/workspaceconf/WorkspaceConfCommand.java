package dev.dbtok.cli.workspaceconf;

import dev.dbtok.cli.model.Subcommands;
import picocli.CommandLine.Command;

/** {@code dbtok workspace-conf}: workspace settings such as whether tokens are enabled and their maximum lifetime. */
@Command(
        name = "workspace-conf",
        header = "This API allows updating known workspace settings for advanced users.",
        description = "This API allows updating known workspace settings for advanced users.")
@Subcommands({GetStatusCommand.class, SetStatusCommand.class})
public final class WorkspaceConfCommand {
}
