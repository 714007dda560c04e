package dev.dbtok.http.model;

import java.util.List;

/** Response of {@code GET /api/2.0/token/list}. A missing list reads as empty. */
public record ListPublicTokensResponse(List<PublicTokenInfo> tokenInfos) {
    public ListPublicTokensResponse {
        tokenInfos = tokenInfos == null ? List.of() : tokenInfos;
    }
}
