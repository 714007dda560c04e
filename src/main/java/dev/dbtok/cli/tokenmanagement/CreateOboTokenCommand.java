package dev.dbtok.cli.tokenmanagement;

import static dev.dbtok.cli.FlagValues.nonEmpty;
import static dev.dbtok.cli.FlagValues.nonZero;
import static dev.dbtok.cli.FlagValues.trueOrNull;

import dev.dbtok.cli.BoolFlag;
import dev.dbtok.cli.CliException;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.GoFlags;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.CreateOboTokenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dbtok token-management create-obo-token APPLICATION_ID}: a token owned by a service
 * principal. A missing ID fails at once: listing tokens would not help anyone find an application ID.
 */
@Command(
        name = "create-obo-token",
        customSynopsis = "APPLICATION_ID",
        header = "Create on-behalf token.",
        description = {
            "Create on-behalf token.",
            "",
            "  Creates a token on behalf of a service principal.",
            "",
            "  Arguments:",
            "    APPLICATION_ID: Application ID of the service principal."
        })
final class CreateOboTokenCommand extends LeafCommand {
    @Option(names = "--autoscope-enabled", preprocessor = BoolFlag.class,
            description = "Whether to enable autoscoping for this token.")
    Boolean autoscopeEnabled;

    @Option(names = "--comment", paramLabel = "string", description = "Comment that describes the purpose of the token.")
    String comment;

    @Mixin
    JsonOption json;

    @Option(names = "--lifetime-seconds", paramLabel = "int", converter = GoFlags.Int64.class,
            description = "The number of seconds before the token expires.")
    Long lifetimeSeconds;

    @Override
    public Integer call() {
        Positional.noneWithJson(json, args, "application_id");
        Session session = session();
        session.config();
        String applicationId = null;
        if (!json.given()) {
            if (args.isEmpty()) {
                throw new CliException("expected to have Application ID of the service principal");
            }
            if (args.size() != 1) {
                throw new CliException("expected to have application id of the service principal");
            }
            applicationId = args.get(0);
        }
        CreateOboTokenRequest request = JsonInput.request(json,
                new CreateOboTokenRequest(applicationId, nonZero(lifetimeSeconds), nonEmpty(comment), null,
                        trueOrNull(autoscopeEnabled)),
                CreateOboTokenRequest.class, session.err());
        Render.json(session, session.client().createOboToken(request));
        return ExitCodes.OK;
    }
}
