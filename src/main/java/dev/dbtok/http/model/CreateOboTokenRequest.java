package dev.dbtok.http.model;

import java.util.List;

/**
 * Body of {@code POST /api/2.0/token-management/on-behalf-of/tokens}. {@code applicationId} names the
 * service principal; a null component is not sent.
 */
public record CreateOboTokenRequest(
        String applicationId,
        Long lifetimeSeconds,
        String comment,
        List<String> scopes,
        Boolean autoscopeEnabled) {
}
