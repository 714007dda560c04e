package dev.dbtok.cli.tokenmanagement;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.IdPicker;
import dev.dbtok.cli.Session;
import dev.dbtok.http.model.TokenInfo;
import java.util.ArrayList;
import java.util.List;

/** The token ID argument of {@code delete} and {@code get}: given, picked on a terminal, or an error. */
final class TokenIds {
    private TokenIds() {
    }

    static String require(Session session, List<String> args, String label, String tooMany) {
        if (args.isEmpty()) {
            return new IdPicker(session).pick(label, "Token Management", () -> choices(session));
        }
        if (args.size() != 1) {
            throw new CliException(tooMany);
        }
        return args.get(0);
    }

    private static List<IdPicker.Choice> choices(Session session) {
        List<IdPicker.Choice> choices = new ArrayList<>();
        for (TokenInfo token : session.client().listTokenManagement(null, null).tokenInfos()) {
            choices.add(new IdPicker.Choice(token.comment(), token.tokenId()));
        }
        return choices;
    }
}
