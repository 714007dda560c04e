package dev.dbtok.cli.tokens;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.GoFlags;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbtok tokens list}: the caller's tokens, as a table or a JSON array. */
@Command(
        name = "list",
        header = "List tokens.",
        description = {
            "List tokens.",
            "",
            "  Lists all the valid tokens for a user-workspace pair."
        })
final class ListTokensCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "int", converter = GoFlags.Int.class,
            description = "Maximum number of results to return.")
    Long limit;

    /** Extra words are ignored, as the official CLI ignores them. */
    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = DbtokCommand.session(spec);
        session.config();
        if (limit != null && limit < 0) {
            throw new CliException("--limit must be a non-negative integer, got " + limit);
        }
        List<PublicTokenInfo> tokens = session.client().listTokens().tokenInfos();
        Render.list(session, Render.limit(tokens, limit), TABLE);
        return ExitCodes.OK;
    }

    static final TextTable<PublicTokenInfo> TABLE = TokenTables.publicTokens();
}
