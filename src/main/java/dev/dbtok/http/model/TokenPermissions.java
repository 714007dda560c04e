package dev.dbtok.http.model;

import java.util.List;

/** Response of the {@code /api/2.0/permissions/authorization/tokens} calls. A missing list reads as empty. */
public record TokenPermissions(
        String objectId,
        String objectType,
        List<TokenAccessControlResponse> accessControlList) {
    public TokenPermissions {
        accessControlList = accessControlList == null ? List.of() : accessControlList;
    }
}
