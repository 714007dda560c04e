package dev.dbtok.cli.tokens;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.GoFlags;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.OutputFormat;
import dev.dbtok.output.TextTable;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dbtok tokens list}: the caller's tokens, as a table or a JSON array. */
@Command(
        name = "list",
        header = "List tokens.",
        description = {
            "List tokens.",
            "",
            "  Lists all the valid tokens for a user-workspace pair."
        })
final class ListTokensCommand extends LeafCommand {
    @Option(names = "--limit", paramLabel = "int", converter = GoFlags.Int.class,
            description = "Maximum number of results to return.")
    Long limit;

    @Override
    public Integer call() {
        Session session = session();
        session.config();
        if (limit != null && limit < 0) {
            throw new CliException("--limit must be a non-negative integer, got " + limit);
        }
        List<PublicTokenInfo> tokens = Render.limit(session.client().listTokens().tokenInfos(), limit);
        if (session.globals().output() == OutputFormat.JSON) {
            // Field by field rather than through the shared mapper, which this command never builds.
            PublicTokenInfoJson.printArray(tokens, session.out());
        } else {
            Render.list(session, tokens, TABLE);
        }
        return ExitCodes.OK;
    }

    static final TextTable<PublicTokenInfo> TABLE = TokenTables.publicTokens();
}
