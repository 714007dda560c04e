package dev.dbtok.http.model;

import java.util.List;

/** One principal's entry in {@link TokenPermissions}. A missing list reads as empty. */
public record TokenAccessControlResponse(
        String userName,
        String groupName,
        String servicePrincipalName,
        String displayName,
        List<TokenPermission> allPermissions) {
    public TokenAccessControlResponse {
        allPermissions = allPermissions == null ? List.of() : allPermissions;
    }
}
