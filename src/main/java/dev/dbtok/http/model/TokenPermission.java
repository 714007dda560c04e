package dev.dbtok.http.model;

import java.util.List;

/** A permission a principal holds on tokens, directly or inherited from the listed objects. */
public record TokenPermission(
        String permissionLevel,
        Boolean inherited,
        List<String> inheritedFromObject) {
    public TokenPermission {
        inheritedFromObject = inheritedFromObject == null ? List.of() : inheritedFromObject;
    }
}
