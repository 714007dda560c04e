package dev.dbtok.http.model;

import java.util.List;

/** Response of {@code GET /api/2.0/permissions/authorization/tokens/permissionLevels}. A missing list reads as empty. */
public record GetTokenPermissionLevelsResponse(List<TokenPermissionsDescription> permissionLevels) {
    public GetTokenPermissionLevelsResponse {
        permissionLevels = permissionLevels == null ? List.of() : permissionLevels;
    }
}
