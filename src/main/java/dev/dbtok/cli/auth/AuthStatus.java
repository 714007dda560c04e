package dev.dbtok.cli.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dbtok.config.Attribute;
import dev.dbtok.config.AttributeValue;
import dev.dbtok.config.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code auth describe} reports: whether the credentials work ({@code success} or {@code error}), who they
 * belong to, and every configuration value with its source. Fields print in the official CLI's order.
 * {@code error} is the message (the official CLI prints an empty object there).
 */
@JsonPropertyOrder({"status", "error", "username", "details"})
record AuthStatus(String status, String error, String username, Details details) {

    static final String MASK = "********";

    static AuthStatus success(String username, Details details) {
        return new AuthStatus("success", null, username == null || username.isEmpty() ? null : username, details);
    }

    static AuthStatus failure(String error, Details details) {
        return new AuthStatus("error", error, null, details);
    }

    /** The resolved host and auth type, and each attribute by its config-file key (printed sorted, as a map). */
    @JsonPropertyOrder({"auth_type", "host", "configuration"})
    record Details(String authType, String host,
                   @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Value> configuration) {

        /**
         * @param attributes what resolution produced, in attribute order; secrets are masked here
         * @param authType   the auth type in use (or configured), {@code ""} when none
         */
        static Details of(List<AttributeValue> attributes, String authType) {
            Map<String, Value> configuration = new LinkedHashMap<>();
            String host = null;
            for (AttributeValue attribute : attributes) {
                if (attribute.attribute() == Attribute.HOST) {
                    host = attribute.value();
                }
                configuration.put(attribute.attribute().key(), new Value(
                        attribute.attribute().sensitive() ? MASK : attribute.value(),
                        Source.of(attribute.origin()),
                        mismatch(attribute.attribute(), authType)));
            }
            return new Details(authType, host, configuration);
        }

        /** A credential of another method than the one in use (e.g. a token next to {@code auth_type = basic}). */
        private static boolean mismatch(Attribute attribute, String authType) {
            if (!attribute.isAuth() || authType.isEmpty()) {
                return false;
            }
            String usedBy = switch (attribute.authGroup().orElseThrow()) {
                case "oauth" -> "oauth-m2m";
                default -> attribute.authGroup().orElseThrow();
            };
            return !usedBy.equals(authType);
        }
    }

    @JsonPropertyOrder({"value", "source", "auth_type_mismatch"})
    record Value(String value, Source source, boolean authTypeMismatch) {
    }

    /** {@code {"type": "config file", "name": "/home/me/.databrickscfg"}}; {@code name} only when there is one. */
    @JsonPropertyOrder({"type", "name"})
    record Source(String type, String name) {
        static Source of(Origin origin) {
            return new Source(origin.type().label(), origin.name());
        }

        @JsonIgnore
        boolean isDynamic() {
            return Origin.Type.DYNAMIC.label().equals(type);
        }

        /** {@code /home/me/.databrickscfg config file}, {@code --profile flag}, {@code bundle}. */
        @Override
        public String toString() {
            return name == null ? type : name + " " + type;
        }
    }
}
