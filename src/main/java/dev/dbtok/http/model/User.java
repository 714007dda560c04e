package dev.dbtok.http.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The part of the SCIM {@code Me} answer dbtok uses. SCIM names its fields in camelCase, unlike the
 * rest of the API.
 */
public record User(@JsonProperty("id") String id, @JsonProperty("userName") String userName) {
}
