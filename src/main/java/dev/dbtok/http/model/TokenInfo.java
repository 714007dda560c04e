package dev.dbtok.http.model;

import java.util.List;

/** A token as a workspace admin sees it ({@code /api/2.0/token-management/*}). */
public record TokenInfo(
        String tokenId,
        Long creationTime,
        Long expiryTime,
        String comment,
        List<String> scopes,
        String autoscopeState,
        List<String> inferredScopes,
        List<String> backfillScopes,
        Long createdById,
        String createdByUsername,
        Long lastUsedDay,
        Long ownerId,
        Long workspaceId) {
}
