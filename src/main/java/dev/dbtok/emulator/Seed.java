package dev.dbtok.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.dbtok.http.model.TokenAccessControlRequest;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code --seed FILE} adds to the default workspace: a JSON document with snake_case keys, every one optional.
 * Unknown keys are errors, so a typo cannot silently seed nothing.
 *
 * <pre>{@code
 * {
 *   "workspace_id": 1234567890123456,
 *   "users": [{"user_name": "jane@example.com", "display_name": "Jane", "admin": false, "token": "dapi..."}],
 *   "service_principals": [{"application_id": "...", "display_name": "ci", "token": "dapi..."}],
 *   "groups": [{"name": "data-eng", "members": ["jane@example.com"]}],
 *   "tokens": [{"owner": "jane@example.com", "comment": "old", "value": "dapi...", "creation_time": 1700000000000,
 *               "expiry_time": -1, "created_by": "admin@example.com", "scopes": ["sql"]}],
 *   "permissions": [{"user_name": "jane@example.com", "permission_level": "CAN_USE"}],
 *   "workspace_conf": {"maxTokenLifetimeDays": "90"}
 * }
 * }</pre>
 *
 * @param permissions when present, replaces the default direct grants ({@code users} group: {@code CAN_USE})
 */
public record Seed(
        Long workspaceId,
        List<User> users,
        List<ServicePrincipal> servicePrincipals,
        List<Group> groups,
        List<Token> tokens,
        List<TokenAccessControlRequest> permissions,
        Map<String, String> workspaceConf) {

    /** A user; {@code token} is the value of its personal access token, generated when absent. */
    public record User(String userName, String displayName, Boolean admin, String token) {
        @Override
        public String toString() {
            return "User[" + userName + ", token=" + (token == null ? null : "***") + "]";
        }
    }

    /** A service principal, named by its application ID. */
    public record ServicePrincipal(String applicationId, String displayName, Boolean admin, String token) {
        @Override
        public String toString() {
            return "ServicePrincipal[" + applicationId + ", token=" + (token == null ? null : "***") + "]";
        }
    }

    /** A group, for {@code group_name} grants; {@code admins} and {@code users} are built in. */
    public record Group(String name, List<String> members) {
    }

    /**
     * An existing token of {@code owner} (a user name or application ID). Its value is generated when absent. It
     * expires at {@code expiry_time} (epoch ms, -1 for never), or {@code lifetime_seconds} after its creation, or
     * after the default two years.
     */
    public record Token(
            String owner,
            String value,
            String comment,
            List<String> scopes,
            Long creationTime,
            Long expiryTime,
            Long lifetimeSeconds,
            String createdBy) {
        @Override
        public String toString() {
            return "Token[owner=" + owner + ", comment=" + comment + ", value=" + (value == null ? null : "***") + "]";
        }
    }

    /** Nothing beyond the defaults. */
    public static Seed none() {
        return new Seed(null, null, null, null, null, null, null);
    }

    /** Reads a seed file; every problem is a {@link SeedException} that names the file. */
    public static Seed read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SeedException("seed file " + file + " does not exist");
        } catch (IOException e) {
            throw new SeedException("cannot read seed file " + file + ": " + e.getMessage());
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new SeedException("seed file " + file + " is empty; it must hold a JSON object");
        }
        try {
            Seed seed = Json.mapper().readerFor(Seed.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(bytes);
            if (seed == null) {
                throw new SeedException("seed file " + file + " is empty; it must hold a JSON object");
            }
            return seed;
        } catch (UnrecognizedPropertyException e) {
            throw new SeedException("seed file " + file + ": unknown key \"" + path(e)
                    + "\"; see the Emulator section of the README for the format");
        } catch (JsonProcessingException e) {
            throw new SeedException("seed file " + file + " is not a valid seed: " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw new SeedException("cannot read seed file " + file + ": " + e.getMessage());
        }
    }

    /** Where in the document the error is, e.g. {@code users[0].tokn}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
