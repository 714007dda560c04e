package dev.dbtok.http.model;

/** Body of {@code POST /api/2.0/token/delete}. */
public record RevokeTokenRequest(String tokenId) {
}
