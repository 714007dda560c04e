package dev.dbtok.http.model;

import java.util.List;

/** Response of {@code GET /api/2.0/token-management/tokens}. A missing list reads as empty. */
public record ListTokensResponse(List<TokenInfo> tokenInfos) {
    public ListTokensResponse {
        tokenInfos = tokenInfos == null ? List.of() : tokenInfos;
    }
}
