package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateOboTokenResponse;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.CreateTokenResponse;
import dev.dbtok.http.model.GetTokenPermissionLevelsResponse;
import dev.dbtok.http.model.GetTokenResponse;
import dev.dbtok.http.model.ListPublicTokensResponse;
import dev.dbtok.http.model.ListTokensResponse;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.TokenPermissions;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import dev.dbtok.http.model.UpdateTokenRequest;
import dev.dbtok.http.model.UpdateTokenResponse;
import dev.dbtok.http.model.User;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Databricks workspace REST API that dbtok needs: one method per endpoint (http.md §2).
 *
 * <p>Every method throws a {@link DatabricksException}: {@link ApiException} for a non-2xx answer (401/403 with the
 * hint block), {@link TransportException} when no answer came, {@link ResponseDecodeException} for a 2xx body that
 * does not decode. Requests are built by {@link RequestFactory}; the private {@code execute} is the one place they
 * are sent, and where the retries of http.md §6 will go.
 *
 * <p>Nothing of OkHttp is touched in the constructor: the {@link RequestFactory} and the {@link OkHttpClient} are
 * built on first use, so that commands which fail before their request (argument errors, {@code --help}) do not
 * pay OkHttp's start-up cost (~90 ms of class loading, plus ~110 ms of TLS set-up for {@code https://} hosts).
 */
public final class DatabricksClient {
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final ResolvedConfig config;
    private final CredentialsProvider credentials;
    private final AuthContext authContext;
    private final Duration timeout;
    private final List<Interceptor> interceptors;
    private volatile RequestFactory requests;
    private volatile OkHttpClient http;

    /**
     * A client for {@code config}: {@code pat} and {@code basic} credentials as
     * {@link CredentialsProvider#fromConfig(ResolvedConfig)} builds them, {@code oauth-m2m} through an
     * {@link OAuthM2M} token source that fetches its first token with the first request.
     */
    public static DatabricksClient create(ResolvedConfig config) {
        CredentialsProvider credentials = "oauth-m2m".equals(config.authType())
                ? CredentialsProvider.oauthM2m(OAuthM2M.forConfig(config))
                : CredentialsProvider.fromConfig(config);
        return new DatabricksClient(config, credentials);
    }

    /**
     * A client for {@code config} with explicit credentials (the seam for OAuth M2M).
     *
     * @param interceptors application interceptors run after authentication, once per attempt (e.g. the HTTP dump)
     */
    public DatabricksClient(ResolvedConfig config, CredentialsProvider credentials, Interceptor... interceptors) {
        this.config = config;
        this.credentials = credentials;
        this.authContext = AuthContext.of(config, credentials.authType());
        int seconds = config.httpTimeoutSeconds() > 0
                ? config.httpTimeoutSeconds()
                : ResolvedConfig.DEFAULT_HTTP_TIMEOUT_SECONDS;
        this.timeout = Duration.ofSeconds(seconds);
        this.interceptors = List.of(interceptors);
    }

    /**
     * The request builder, for callers that want to show or log a request without sending it. Built on first use,
     * like the OkHttp client: loading OkHttp's URL classes alone costs tens of milliseconds.
     */
    public RequestFactory requests() {
        RequestFactory factory = requests;
        if (factory == null) {
            synchronized (this) {
                factory = requests;
                if (factory == null) {
                    factory = RequestFactory.of(config, credentials.authType());
                    requests = factory;
                }
            }
        }
        return factory;
    }

    /** {@code POST /api/2.0/token/create}; never re-sent once it may have left ({@link Resend#ONLY_IF_NOT_SENT}). */
    public CreateTokenResponse createToken(CreateTokenRequest request) {
        return call(requests().createToken(request), CreateTokenResponse.class);
    }

    /** {@code POST /api/2.0/token/delete}; never re-sent once it may have left ({@link Resend#ONLY_IF_NOT_SENT}). */
    public void revokeToken(RevokeTokenRequest request) {
        execute(requests().revokeToken(request));
    }

    /** {@code GET /api/2.0/token/list}. */
    public ListPublicTokensResponse listTokens() {
        return call(requests().listTokens(), ListPublicTokensResponse.class);
    }

    /** {@code PATCH /api/2.0/token/{token_id}}. */
    public UpdateTokenResponse updateToken(String tokenId, UpdateTokenRequest request) {
        return call(requests().updateToken(tokenId, request), UpdateTokenResponse.class);
    }

    /** {@code POST /api/2.0/token-management/on-behalf-of/tokens}; never re-sent once it may have left. */
    public CreateOboTokenResponse createOboToken(CreateOboTokenRequest request) {
        return call(requests().createOboToken(request), CreateOboTokenResponse.class);
    }

    /** {@code DELETE /api/2.0/token-management/tokens/{token_id}}. */
    public void deleteTokenManagement(String tokenId) {
        execute(requests().deleteTokenManagement(tokenId));
    }

    /** {@code GET /api/2.0/token-management/tokens/{token_id}}. */
    public GetTokenResponse getTokenManagement(String tokenId) {
        return call(requests().getTokenManagement(tokenId), GetTokenResponse.class);
    }

    /** {@code GET /api/2.0/token-management/tokens}; a null or zero filter is not sent. */
    public ListTokensResponse listTokenManagement(Long createdById, String createdByUsername) {
        return call(requests().listTokenManagement(createdById, createdByUsername), ListTokensResponse.class);
    }

    /** {@code PATCH /api/2.0/token-management/tokens/{token_id}}; the response is the bare {@link TokenInfo}. */
    public TokenInfo updateTokenManagement(String tokenId, UpdateTokenManagementRequest request) {
        return call(requests().updateTokenManagement(tokenId, request), TokenInfo.class);
    }

    /** {@code GET /api/2.0/permissions/authorization/tokens/permissionLevels}. */
    public GetTokenPermissionLevelsResponse getPermissionLevels() {
        return call(requests().getPermissionLevels(), GetTokenPermissionLevelsResponse.class);
    }

    /** {@code GET /api/2.0/permissions/authorization/tokens}. */
    public TokenPermissions getPermissions() {
        return call(requests().getPermissions(), TokenPermissions.class);
    }

    /** {@code PUT /api/2.0/permissions/authorization/tokens}: replaces every direct grant. */
    public TokenPermissions setPermissions(TokenPermissionsRequest request) {
        return call(requests().setPermissions(request), TokenPermissions.class);
    }

    /** {@code PATCH /api/2.0/permissions/authorization/tokens}. */
    public TokenPermissions updatePermissions(TokenPermissionsRequest request) {
        return call(requests().updatePermissions(request), TokenPermissions.class);
    }

    /** {@code GET /api/2.0/preview/scim/v2/Me}: who the credentials belong to; a cheap check that they work. */
    public User currentUser() {
        return call(requests().currentUser(), User.class);
    }

    /** {@code GET /api/2.0/workspace-conf?keys=<keys>}; a {@code null} value reads as {@code ""} (Go decoding). */
    public Map<String, String> getWorkspaceConf(String keys) {
        Request request = requests().getWorkspaceConf(keys);
        Map<String, String> conf = decode(request, execute(request), Json.mapper().getTypeFactory().constructType(STRING_MAP));
        if (conf == null) {
            return new LinkedHashMap<>();
        }
        conf.replaceAll((key, value) -> value == null ? "" : value);
        return conf;
    }

    /** {@code PATCH /api/2.0/workspace-conf}. */
    public void setWorkspaceConf(Map<String, String> conf) {
        execute(requests().setWorkspaceConf(conf));
    }

    private <T> T call(Request request, Class<T> type) {
        byte[] body = execute(request);
        T value = decode(request, body, Json.mapper().constructType(type));
        // A JSON null reads as the empty object.
        return value != null ? value : decode(request, new byte[0], Json.mapper().constructType(type));
    }

    /**
     * Sends {@code request} and returns the body of its 2xx response. This is the one place requests go on the
     * wire, so the retry loop of http.md §6 wraps {@link #attempt(Request)} here: it may repeat after an
     * {@link ApiException} that {@link ApiException#isRateLimited() is rate limited} or is a 503, and after a
     * {@link TransportException} whose {@link TransportException.Kind#mayHaveBeenSent() request never left}; after one
     * that may have been sent, only if {@link Resend#of(Request)} is {@link Resend#SAFE} (never the token POSTs).
     */
    private byte[] execute(Request request) {
        return attempt(request);
    }

    /** One attempt: the body of a 2xx, or an exception (401/403 enriched with the hint block). */
    private byte[] attempt(Request request) {
        try (Response response = httpClient().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw ApiException.from(response).withAuthHints(authContext);
            }
            ResponseBody body = response.body();
            return body == null ? new byte[0] : body.bytes();
        } catch (IOException e) {
            throw TransportException.of(request, e);
        }
    }

    /** An empty body reads as {@code {}}. */
    private static <T> T decode(Request request, byte[] body, JavaType type) {
        byte[] json = isBlank(body) ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw ResponseDecodeException.of(request, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The OkHttp client, built on first use. */
    OkHttpClient httpClient() {
        OkHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = buildHttpClient();
                    http = client;
                }
            }
        }
        return client;
    }

    /** Whether {@link #httpClient()} has been built yet. */
    boolean httpClientBuilt() {
        return http != null;
    }

    private OkHttpClient buildHttpClient() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(Duration.ZERO)
                // Retries are dbtok's own decision (http.md §6): OkHttp must never re-send a POST by itself.
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new AuthInterceptor(credentials, requests().origin()));
        interceptors.forEach(builder::addInterceptor);
        if (!requests().origin().isHttps()) {
            // Plain http:// only: without a TLS connection spec, OkHttp skips initialising TLS (measured ~110 ms).
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "DatabricksClient[" + config.host() + ", auth=" + credentials.authType() + "]";
    }
}
