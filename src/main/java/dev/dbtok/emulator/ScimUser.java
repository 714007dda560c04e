package dev.dbtok.emulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to {@code GET /api/2.0/preview/scim/v2/Me}: the caller as a SCIM user, in the shape workspaces send it
 * (the SDKs' {@code iam.User}). SCIM names its fields in camelCase, unlike the rest of the API, so every name is
 * spelled out. A service principal is a user whose {@code userName} is its application ID and who has no email.
 *
 * @param id the account ID as a string, as SCIM sends IDs
 */
record ScimUser(@JsonProperty("schemas") List<String> schemas,
                @JsonProperty("id") String id,
                @JsonProperty("userName") String userName,
                @JsonProperty("displayName") String displayName,
                @JsonProperty("active") boolean active,
                @JsonProperty("emails") List<Email> emails) {

    static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String WORKSPACE_SCHEMA = "urn:ietf:params:scim:schemas:extension:workspace:2.0:User";

    /** One of a user's addresses; a workspace user has one, the primary work address, equal to the user name. */
    record Email(@JsonProperty("type") String type, @JsonProperty("value") String value,
                 @JsonProperty("primary") boolean primary) {
    }

    static ScimUser of(Account account) {
        List<Email> emails = account.isServicePrincipal() ? List.of() : List.of(new Email("work", account.userName(), true));
        return new ScimUser(List.of(CORE_SCHEMA, WORKSPACE_SCHEMA), String.valueOf(account.id()), account.userName(),
                account.displayName(), true, emails);
    }
}
