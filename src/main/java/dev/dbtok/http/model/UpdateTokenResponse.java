package dev.dbtok.http.model;

/** Response of {@code PATCH /api/2.0/token/{token_id}}: an empty object today; kept as a type so it prints as {@code {}}. */
public record UpdateTokenResponse() {
}
