package dev.dbtok.http.model;

import java.util.List;

/** Body of {@code POST /api/2.0/token/create}. A null component is not sent; a zero that was asked for is. */
public record CreateTokenRequest(
        Long lifetimeSeconds,
        String comment,
        List<String> scopes,
        Boolean autoscopeEnabled) {
}
