package dev.dbtok.http.model;

/** Response of {@code POST /api/2.0/token/create}. */
public record CreateTokenResponse(PublicTokenInfo tokenInfo, String tokenValue) {
}
