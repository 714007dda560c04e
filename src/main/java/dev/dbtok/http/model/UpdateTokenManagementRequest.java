package dev.dbtok.http.model;

/** Body of {@code PATCH /api/2.0/token-management/tokens/{token_id}}; the id travels in the path. */
public record UpdateTokenManagementRequest(TokenInfo token, String updateMask) {
}
