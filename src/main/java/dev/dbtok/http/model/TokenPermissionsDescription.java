package dev.dbtok.http.model;

/** One entry of {@link GetTokenPermissionLevelsResponse}. */
public record TokenPermissionsDescription(String permissionLevel, String description) {
}
