package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.GoFlags;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.output.TextTable;
import dev.dbtok.output.TextTable.Column;
import dev.dbtok.http.Listing;
import dev.dbtok.output.OutputFormat;
import dev.dbtok.output.OverlappedPrinting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import static dev.dbtok.cli.FlagValues.nonEmpty;
import static dev.dbtok.cli.FlagValues.nonZero;

/** {@code dbtok token-management list}: every token of the workspace, optionally by creator. */
@Command(
        name = "list",
        header = "List all tokens.",
        description = {
            "List all tokens.",
            "",
            "  Lists all tokens associated with the specified workspace or user."
        })
final class ListCommand extends LeafCommand {
    private static final TextTable<TokenInfo> TABLE = TextTable.of(
            // A null in the listing is a row of empty cells, as the official CLI decodes it into an empty token.
            Column.id("ID", t -> t == null ? null : t.tokenId()),
            Column.text("Created By", t -> t == null ? null : t.createdByUsername()),
            Column.text("Comment", t -> t == null ? null : t.comment()));

    @Option(names = "--created-by-id", paramLabel = "int", converter = GoFlags.Int64.class,
            description = "User ID of the user that created the token.")
    Long createdById;

    @Option(names = "--created-by-username", paramLabel = "string",
            description = "Username of the user that created the token.")
    String createdByUsername;

    @Option(names = "--limit", paramLabel = "int", converter = GoFlags.Int.class,
            description = "Maximum number of results to return.")
    Long limit;

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 0);
        Session session = session();
        session.config();
        if (limit != null && limit < 0) {
            throw new CliException("--limit must be a non-negative integer, got " + limit);
        }
        // Streamed: a workspace can hold 100 000 tokens. They are decoded as the body arrives; the table holds only
        // its cells, and prints once the whole body has decoded. JSON is printed as it goes, after the first MiB:
        // a body that breaks off later leaves the tokens before the break on stdout, then fails (GoJsonWriter).
        // Printed on a second thread while this one decodes: up to a quarter less time when a core is free.
        if (session.globals().output() == OutputFormat.JSON) {
            // Plain tokens are printed from the JSON they arrived in (ScannedToken), not decoded and encoded again.
            try (Listing<Object> tokens = session.client()
                    .streamTokenManagementJson(nonZero(createdById), nonEmpty(createdByUsername)).limit(limit)) {
                OverlappedPrinting.print(tokens, decoded -> TokenInfoJson.printArray(decoded, session.out()));
            }
        } else {
            try (Listing<TokenInfo> tokens = session.client()
                    .streamTokenManagement(nonZero(createdById), nonEmpty(createdByUsername)).limit(limit)) {
                OverlappedPrinting.print(tokens, decoded -> Render.list(session, decoded, TABLE));
            }
        }
        return ExitCodes.OK;
    }
}
