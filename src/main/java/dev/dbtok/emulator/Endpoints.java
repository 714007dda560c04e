package dev.dbtok.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.GetTokenPermissionLevelsResponse;
import dev.dbtok.http.model.GetTokenResponse;
import dev.dbtok.http.model.ListPublicTokensResponse;
import dev.dbtok.http.model.ListTokensResponse;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenPermissionsDescription;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import dev.dbtok.http.model.UpdateTokenRequest;
import dev.dbtok.http.model.UpdateTokenResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace APIs dbtok calls (http.md §2), mapped onto {@link Workspace}. Request and response bodies are dbtok's
 * own {@code http.model} records, so the emulator reads and writes exactly the shapes the client does; the one
 * exception is SCIM's {@code Me}, of which the client reads only a part ({@link ScimUser}).
 */
final class Endpoints {
    private static final String TOKEN_ID = "token_id";

    private Endpoints() {
    }

    static Routes all(Workspace ws) {
        Routes routes = new Routes();
        tokens(routes, ws);
        tokenManagement(routes, ws);
        permissions(routes, ws);
        workspaceConf(routes, ws);
        scim(routes);
        return routes;
    }

    private static void tokens(Routes routes, Workspace ws) {
        routes.add("POST", "/api/2.0/token/create",
                call -> Reply.ok(ws.createToken(call.caller(), call.body(CreateTokenRequest.class))));
        routes.add("POST", "/api/2.0/token/delete", call -> {
            ws.revokeOwnToken(call.caller(), call.body(RevokeTokenRequest.class).tokenId());
            return Reply.emptyObject();
        });
        routes.add("GET", "/api/2.0/token/list",
                call -> Reply.ok(new ListPublicTokensResponse(ws.listOwnTokens(call.caller()))));
        routes.add("PATCH", "/api/2.0/token/{token_id}", call -> {
            UpdateTokenRequest request = call.body(UpdateTokenRequest.class);
            ws.updateOwnToken(call.caller(), call.param(TOKEN_ID), request.token(), request.updateMask());
            return Reply.ok(new UpdateTokenResponse());
        });
    }

    private static void tokenManagement(Routes routes, Workspace ws) {
        routes.add("POST", "/api/2.0/token-management/on-behalf-of/tokens",
                call -> Reply.ok(ws.createOboToken(call.caller(), call.body(CreateOboTokenRequest.class))));
        routes.add("GET", "/api/2.0/token-management/tokens", call -> Reply.ok(new ListTokensResponse(
                ws.listTokens(call.caller(), createdById(call.query("created_by_id")), call.query("created_by_username")))));
        routes.add("GET", "/api/2.0/token-management/tokens/{token_id}",
                call -> Reply.ok(new GetTokenResponse(ws.getToken(call.caller(), call.param(TOKEN_ID)))));
        routes.add("DELETE", "/api/2.0/token-management/tokens/{token_id}", call -> {
            ws.deleteToken(call.caller(), call.param(TOKEN_ID));
            return Reply.emptyObject();
        });
        routes.add("PATCH", "/api/2.0/token-management/tokens/{token_id}", call -> {
            UpdateTokenManagementRequest request = call.body(UpdateTokenManagementRequest.class);
            return Reply.ok(ws.updateToken(call.caller(), call.param(TOKEN_ID), request.token(), request.updateMask()));
        });
    }

    private static void permissions(Routes routes, Workspace ws) {
        routes.add("GET", "/api/2.0/permissions/authorization/tokens/permissionLevels", call -> {
            ws.requirePermissionsAdmin(call.caller());
            return Reply.ok(new GetTokenPermissionLevelsResponse(
                    List.of(new TokenPermissionsDescription(TokenAcl.CAN_USE, "Can use tokens"))));
        });
        routes.add("GET", "/api/2.0/permissions/authorization/tokens",
                call -> Reply.ok(ws.permissions(call.caller())));
        routes.add("PUT", "/api/2.0/permissions/authorization/tokens", call -> Reply.ok(
                ws.setPermissions(call.caller(), call.body(TokenPermissionsRequest.class).accessControlList())));
        routes.add("PATCH", "/api/2.0/permissions/authorization/tokens", call -> Reply.ok(
                ws.updatePermissions(call.caller(), call.body(TokenPermissionsRequest.class).accessControlList())));
    }

    private static void workspaceConf(Routes routes, Workspace ws) {
        routes.add("GET", "/api/2.0/workspace-conf", call -> Reply.ok(ws.getConf(call.caller(), call.query("keys"))));
        routes.add("PATCH", "/api/2.0/workspace-conf", call -> {
            ws.setConf(call.caller(), settings(call.bodyObject()));
            return Reply.noContent();
        });
    }

    /** Who the caller is: what {@code auth describe} and {@code auth profiles} ask to check a credential. */
    private static void scim(Routes routes) {
        routes.add("GET", "/api/2.0/preview/scim/v2/Me", call -> Reply.ok(ScimUser.of(call.caller())));
    }

    private static Long createdById(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalidParameter("Invalid created_by_id \"" + raw + "\": expected a number");
        }
    }

    /** A flat object of settings; scalars are read as their text, as workspaces store every value as a string. */
    private static Map<String, String> settings(JsonNode body) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode value = field.getValue();
            if (value.isContainerNode()) {
                throw ApiError.malformedRequest("Invalid value for " + field.getKey() + ": expected a string");
            }
            settings.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return settings;
    }
}
