package dev.dbtok.cli.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One row of {@code auth profiles}. Fields print in the official CLI's order (its JSON follows the
 * declaration order of its struct, not the alphabet); {@code host}, {@code account_id},
 * {@code workspace_id} and {@code default} are left out when empty, as there.
 */
@JsonPropertyOrder({"name", "host", "account_id", "workspace_id", "cloud", "auth_type", "valid", "default"})
record ProfileMetadata(
        String name,
        String host,
        String accountId,
        String workspaceId,
        String cloud,
        String authType,
        boolean valid,
        @JsonProperty("default") Boolean isDefault) {

    /** What {@code -o json} prints: the list is always there, {@code []} when empty. */
    record Listing(@JsonInclude(JsonInclude.Include.ALWAYS) List<ProfileMetadata> profiles) {
    }
}
