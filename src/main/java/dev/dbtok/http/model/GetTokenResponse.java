package dev.dbtok.http.model;

/** Response of {@code GET /api/2.0/token-management/tokens/{token_id}}. */
public record GetTokenResponse(TokenInfo tokenInfo) {
}
