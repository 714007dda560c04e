package dev.dbtok.emulator;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.TokenInfo;
import java.util.List;

/**
 * A token the workspace knows, without its value (only the SHA-256 ID is kept). Immutable: updates replace it.
 *
 * @param ownerId     the account the token authenticates as
 * @param createdById the account that created it: the owner, or the admin who made an on-behalf-of token
 * @param expiryTime  epoch milliseconds, or {@code -1} for never
 * @param lastUsedDay epoch milliseconds of the UTC day it last authenticated a request, or null if never
 */
record StoredToken(
        String id,
        long ownerId,
        long createdById,
        String createdByUsername,
        long creationTime,
        long expiryTime,
        String comment,
        List<String> scopes,
        Long lastUsedDay) {

    StoredToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    boolean isExpired(long nowMillis) {
        return expiryTime >= 0 && expiryTime <= nowMillis;
    }

    StoredToken withComment(String newComment) {
        return new StoredToken(id, ownerId, createdById, createdByUsername, creationTime, expiryTime, newComment, scopes,
                lastUsedDay);
    }

    StoredToken withScopes(List<String> newScopes) {
        return new StoredToken(id, ownerId, createdById, createdByUsername, creationTime, expiryTime, comment, newScopes,
                lastUsedDay);
    }

    StoredToken usedOn(long day) {
        return new StoredToken(id, ownerId, createdById, createdByUsername, creationTime, expiryTime, comment, scopes, day);
    }

    /** As its owner sees it ({@code /api/2.0/token/*}). */
    PublicTokenInfo toPublic() {
        return new PublicTokenInfo(id, creationTime, expiryTime, comment, scopes, null, null, null);
    }

    /** As a workspace admin sees it ({@code /api/2.0/token-management/*}). */
    TokenInfo toInfo(long workspaceId) {
        return new TokenInfo(id, creationTime, expiryTime, comment, scopes, null, null, null, createdById,
                createdByUsername, lastUsedDay, ownerId, workspaceId);
    }
}
