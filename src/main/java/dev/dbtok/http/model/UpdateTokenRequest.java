package dev.dbtok.http.model;

/** Body of {@code PATCH /api/2.0/token/{token_id}}; the id travels in the path. */
public record UpdateTokenRequest(PublicTokenInfo token, String updateMask) {
}
