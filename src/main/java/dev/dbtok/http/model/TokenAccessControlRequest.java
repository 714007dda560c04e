package dev.dbtok.http.model;

/**
 * One grant in a token permissions request: exactly one of {@code userName}, {@code groupName} or
 * {@code servicePrincipalName}, plus a {@code permissionLevel} (today only {@code CAN_USE}; kept a string
 * so that new levels pass through).
 */
public record TokenAccessControlRequest(
        String userName,
        String groupName,
        String servicePrincipalName,
        String permissionLevel) {
}
