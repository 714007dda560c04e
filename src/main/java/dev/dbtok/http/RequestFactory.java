package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import dev.dbtok.http.model.UpdateTokenRequest;
import dev.dbtok.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Builds the {@link Request} of every endpoint (http.md §1–§2) without sending it: method, URL, headers, body and
 * a {@link Resend} tag. {@code Authorization} is not set here; {@link AuthInterceptor} adds it on the way out.
 */
public final class RequestFactory {
    static final String APPLICATION_JSON = "application/json";
    /** Exactly {@code application/json}: bodies are {@code byte[]}, so OkHttp adds no {@code charset}. */
    private static final MediaType JSON = MediaType.get(APPLICATION_JSON);

    private final HttpUrl origin;
    private final String userAgent;
    private final String workspaceId;

    /**
     * @param host        the normalised workspace URL, {@code scheme://host[:port]}; any path is ignored
     * @param userAgent   the complete {@code User-Agent} value
     * @param workspaceId sent as {@code X-Databricks-Workspace-Id} when not null or empty
     */
    public RequestFactory(HttpUrl host, String userAgent, String workspaceId) {
        this.origin = new HttpUrl.Builder().scheme(host.scheme()).host(host.host()).port(host.port()).build();
        this.userAgent = userAgent;
        this.workspaceId = workspaceId == null || workspaceId.isEmpty() ? null : workspaceId;
    }

    /** The factory for a resolved configuration and the auth type that will be used. */
    public static RequestFactory of(ResolvedConfig config, String authType) {
        return new RequestFactory(origin(config.host()), UserAgent.of(authType), config.workspaceId());
    }

    static HttpUrl origin(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host configured");
        }
        HttpUrl url = HttpUrl.parse(host);
        if (url == null) {
            throw new IllegalArgumentException("invalid host \"" + host + "\"");
        }
        return url;
    }

    /** The workspace origin every request goes to. */
    public HttpUrl origin() {
        return origin;
    }

    /** {@code POST /api/2.0/token/create}. */
    public Request createToken(CreateTokenRequest body) {
        return withBody("POST", url("api/2.0/token/create").build(), body, true, Resend.ONLY_IF_NOT_SENT);
    }

    /** {@code POST /api/2.0/token/delete}. */
    public Request revokeToken(RevokeTokenRequest body) {
        return withBody("POST", url("api/2.0/token/delete").build(), body, true, Resend.ONLY_IF_NOT_SENT);
    }

    /** {@code GET /api/2.0/token/list}. */
    public Request listTokens() {
        return get(url("api/2.0/token/list").build());
    }

    /** {@code PATCH /api/2.0/token/{token_id}}. */
    public Request updateToken(String tokenId, UpdateTokenRequest body) {
        HttpUrl url = url("api/2.0/token").addPathSegment(pathId(tokenId)).build();
        return withBody("PATCH", url, body, true, Resend.SAFE);
    }

    /** {@code POST /api/2.0/token-management/on-behalf-of/tokens}. */
    public Request createOboToken(CreateOboTokenRequest body) {
        HttpUrl url = url("api/2.0/token-management/on-behalf-of/tokens").build();
        return withBody("POST", url, body, true, Resend.ONLY_IF_NOT_SENT);
    }

    /** {@code DELETE /api/2.0/token-management/tokens/{token_id}}: no body and no {@code Accept}, as upstream. */
    public Request deleteTokenManagement(String tokenId) {
        HttpUrl url = url("api/2.0/token-management/tokens").addPathSegment(pathId(tokenId)).build();
        return common(url, Resend.SAFE).method("DELETE", null).build();
    }

    /** {@code GET /api/2.0/token-management/tokens/{token_id}}. */
    public Request getTokenManagement(String tokenId) {
        return get(url("api/2.0/token-management/tokens").addPathSegment(pathId(tokenId)).build());
    }

    /** {@code GET /api/2.0/token-management/tokens?created_by_id=&created_by_username=}; null, 0 and "" are omitted. */
    public Request listTokenManagement(Long createdById, String createdByUsername) {
        HttpUrl.Builder url = url("api/2.0/token-management/tokens");
        if (createdById != null && createdById != 0L) {
            url.addQueryParameter("created_by_id", String.valueOf(createdById));
        }
        if (createdByUsername != null && !createdByUsername.isEmpty()) {
            url.addQueryParameter("created_by_username", createdByUsername);
        }
        return get(url.build());
    }

    /** {@code PATCH /api/2.0/token-management/tokens/{token_id}}. */
    public Request updateTokenManagement(String tokenId, UpdateTokenManagementRequest body) {
        HttpUrl url = url("api/2.0/token-management/tokens").addPathSegment(pathId(tokenId)).build();
        return withBody("PATCH", url, body, true, Resend.SAFE);
    }

    /** {@code GET /api/2.0/permissions/authorization/tokens/permissionLevels}. */
    public Request getPermissionLevels() {
        return get(url("api/2.0/permissions/authorization/tokens/permissionLevels").build());
    }

    /** {@code GET /api/2.0/permissions/authorization/tokens}. */
    public Request getPermissions() {
        return get(url("api/2.0/permissions/authorization/tokens").build());
    }

    /** {@code PUT /api/2.0/permissions/authorization/tokens}: replaces every direct grant. */
    public Request setPermissions(TokenPermissionsRequest body) {
        return withBody("PUT", url("api/2.0/permissions/authorization/tokens").build(), body, true, Resend.SAFE);
    }

    /** {@code PATCH /api/2.0/permissions/authorization/tokens}: adds to the direct grants. */
    public Request updatePermissions(TokenPermissionsRequest body) {
        return withBody("PATCH", url("api/2.0/permissions/authorization/tokens").build(), body, true, Resend.SAFE);
    }

    /** {@code GET /api/2.0/preview/scim/v2/Me}. */
    public Request currentUser() {
        return get(url("api/2.0/preview/scim/v2/Me").build());
    }

    /** {@code GET /api/2.0/workspace-conf?keys=<keys>}: {@code keys} is sent as given (commas become {@code %2C}), always. */
    public Request getWorkspaceConf(String keys) {
        HttpUrl url = url("api/2.0/workspace-conf").addQueryParameter("keys", keys == null ? "" : keys).build();
        return get(url);
    }

    /** {@code PATCH /api/2.0/workspace-conf} with a flat string map; no {@code Accept}, as upstream. */
    public Request setWorkspaceConf(Map<String, String> conf) {
        return withBody("PATCH", url("api/2.0/workspace-conf").build(), conf, false, Resend.SAFE);
    }

    private HttpUrl.Builder url(String path) {
        return origin.newBuilder().addPathSegments(path);
    }

    private Request get(HttpUrl url) {
        return common(url, Resend.SAFE).header("Accept", APPLICATION_JSON).get().build();
    }

    private Request withBody(String method, HttpUrl url, Object body, boolean accept, Resend resend) {
        Request.Builder builder = common(url, resend).header("Content-Type", APPLICATION_JSON);
        if (accept) {
            builder.header("Accept", APPLICATION_JSON);
        }
        return builder.method(method, RequestBody.create(toJson(body), JSON)).build();
    }

    private Request.Builder common(HttpUrl url, Resend resend) {
        Request.Builder builder = new Request.Builder().url(url).header("User-Agent", userAgent).tag(Resend.class, resend);
        if (workspaceId != null) {
            builder.header("X-Databricks-Workspace-Id", workspaceId);
        }
        return builder;
    }

    /** Compact JSON from the one mapper; a null body is sent as {@code {}}. */
    private static byte[] toJson(Object body) {
        if (body == null) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A path ID is one encoded segment. An empty ID or a dot segment would change the path itself (OkHttp resolves
     * {@code .} and {@code ..}), so it is refused.
     */
    private static String pathId(String id) {
        if (id == null || id.isEmpty() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("invalid token ID: \"" + (id == null ? "" : id) + "\"");
        }
        return id;
    }
}
