package dev.dbtok.cli.tokens;

import dev.dbtok.cli.IdPicker;
import dev.dbtok.http.model.ListPublicTokensResponse;
import dev.dbtok.http.model.PublicTokenInfo;
import java.util.ArrayList;
import java.util.List;

/** The caller's tokens as picker choices: comment and ID. */
final class TokenChoices {
    private TokenChoices() {
    }

    static List<IdPicker.Choice> of(ListPublicTokensResponse response) {
        List<IdPicker.Choice> choices = new ArrayList<>();
        for (PublicTokenInfo token : response.tokenInfos()) {
            choices.add(new IdPicker.Choice(token.comment(), token.tokenId()));
        }
        return choices;
    }
}
