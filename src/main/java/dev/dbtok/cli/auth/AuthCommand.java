package dev.dbtok.cli.auth;

import dev.dbtok.cli.model.Subcommands;
import picocli.CommandLine.Command;

/** {@code dbtok auth}: which workspace and identity dbtok uses, and which profiles it knows. */
@Command(
        name = "auth",
        header = "Authentication related commands",
        description = {
            "Authentication related commands: see which profiles exist and whether they work,",
            "and which host, identity and credentials a command will use.",
            "",
            "How Databricks authentication works: https://docs.databricks.com/dev-tools/auth/index.html"
        })
@Subcommands({DescribeCommand.class, ProfilesCommand.class})
public final class AuthCommand {
}
