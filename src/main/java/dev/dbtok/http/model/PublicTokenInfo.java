package dev.dbtok.http.model;

import java.util.List;

/** A token as its owner sees it ({@code /api/2.0/token/*}). Times are epoch milliseconds; -1 means never. */
public record PublicTokenInfo(
        String tokenId,
        Long creationTime,
        Long expiryTime,
        String comment,
        List<String> scopes,
        String autoscopeState,
        List<String> inferredScopes,
        List<String> backfillScopes) {
}
