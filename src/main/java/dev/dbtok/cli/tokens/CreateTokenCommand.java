package dev.dbtok.cli.tokens;

import dev.dbtok.cli.BoolFlag;
import dev.dbtok.cli.ExitCodes;
import dev.dbtok.cli.LeafCommand;
import dev.dbtok.cli.GoFlags;
import dev.dbtok.cli.JsonInput;
import dev.dbtok.cli.JsonOption;
import dev.dbtok.cli.Positional;
import dev.dbtok.cli.Render;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.CreateTokenRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static dev.dbtok.cli.FlagValues.nonEmpty;
import static dev.dbtok.cli.FlagValues.nonZero;
import static dev.dbtok.cli.FlagValues.trueOrNull;

/** {@code dbtok tokens create}: mints a token and prints it, the one place a token value is shown. */
@Command(
        name = "create",
        header = "Create a user token.",
        description = {
            "Create a user token.",
            "",
            "  Creates and returns a token for a user. If this call is made through token",
            "  authentication, it creates a token with the same client ID as the",
            "  authenticated token. If the user's token quota is exceeded, this call returns",
            "  an error **QUOTA_EXCEEDED**."
        })
final class CreateTokenCommand extends LeafCommand {
    @Option(names = "--autoscope-enabled", preprocessor = BoolFlag.class,
            description = "Whether to enable autoscoping for this token.")
    Boolean autoscopeEnabled;

    @Option(names = "--comment", paramLabel = "string", description = "Optional description to attach to the token.")
    String comment;

    @Mixin
    JsonOption json;

    @Option(names = "--lifetime-seconds", paramLabel = "int", converter = GoFlags.Int64.class,
            description = "The lifetime of the token, in seconds.")
    Long lifetimeSeconds;

    @Override
    public Integer call() {
        Positional.exactly(spec, args, 0);
        Session session = session();
        session.config();
        CreateTokenRequest request = JsonInput.request(json,
                new CreateTokenRequest(nonZero(lifetimeSeconds), nonEmpty(comment), null, trueOrNull(autoscopeEnabled)),
                CreateTokenRequest.class, session.err());
        Render.json(session, session.client().createToken(request));
        return ExitCodes.OK;
    }
}
