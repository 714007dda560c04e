package dev.dbtok.cli.tokens;

import dev.dbtok.cli.model.Subcommands;
import picocli.CommandLine.Command;

/** {@code dbtok tokens}: a user's own tokens. */
@Command(
        name = "tokens",
        header = "The Token API allows you to create, list, and revoke tokens that can be used to authenticate and access Databricks REST APIs.",
        description = {
            "The Token API allows you to create, list, and revoke tokens that can be used",
            "  to authenticate and access Databricks REST APIs."
        })
@Subcommands({CreateTokenCommand.class, DeleteTokenCommand.class, ListTokensCommand.class, UpdateTokenCommand.class})
public final class TokensCommand {
}
