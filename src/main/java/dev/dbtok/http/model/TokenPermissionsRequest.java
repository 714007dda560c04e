package dev.dbtok.http.model;

import java.util.List;

/**
 * Body of {@code PUT} (replace) and {@code PATCH} (merge) {@code /api/2.0/permissions/authorization/tokens}.
 * An empty list is sent as {@code {}}, which for {@code PUT} removes every direct grant.
 */
public record TokenPermissionsRequest(List<TokenAccessControlRequest> accessControlList) {
}
