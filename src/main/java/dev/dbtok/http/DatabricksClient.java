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
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.TokenPermissions;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import dev.dbtok.http.model.UpdateTokenRequest;
import dev.dbtok.http.model.UpdateTokenResponse;
import dev.dbtok.http.model.User;
import dev.dbtok.json.Json;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * are sent, through the {@link Retrier} (http.md §6) and a {@link RateLimiter} (http.md §7).
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
    private final RetryPolicy retryPolicy;
    private final RateLimiter rateLimiter;
    private volatile RetryListener retryListener = RetryListener.NONE;
    private volatile Clock clock = Clock.systemUTC();
    private volatile Sleeper sleeper = Sleeper.SYSTEM;
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
     * A client for {@code config} whose requests are dumped to {@code log} (output.md §5) when it is at debug level
     * or below; otherwise the same as {@link #create(ResolvedConfig)}, with nothing added per request.
     */
    public static DatabricksClient create(ResolvedConfig config, Log log) {
        DatabricksClient client = "oauth-m2m".equals(config.authType())
                ? new DatabricksClient(config, CredentialsProvider.oauthM2m(hiddenFrom(log, OAuthM2M.forConfig(config))))
                : create(config);
        return log.enabled(LogLevel.DEBUG) ? client.withInterceptors(HttpDump.of(log, config)) : client;
    }

    /** Each access token fetched is registered with the log, which then masks it wherever a server echoes it. */
    private static Supplier<String> hiddenFrom(Log log, Supplier<String> accessTokens) {
        return () -> {
            String token = accessTokens.get();
            log.hide(token);
            return token;
        };
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
        this.retryPolicy = RetryPolicy.from(config);
        this.rateLimiter = RateLimiter.from(config);
    }

    /** Tells {@code listener} before every wait between two attempts; returns this client. */
    public DatabricksClient onRetry(RetryListener listener) {
        this.retryListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Measures the retry budget and the rate limit with {@code clock} and waits with {@code sleeper} (tests let time
     * pass without sleeping); returns this client. Set it before the first request.
     */
    public DatabricksClient withTime(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** A copy of this client (not yet connected) whose requests also pass through {@code more}, after the others. */
    public DatabricksClient withInterceptors(Interceptor... more) {
        List<Interceptor> all = new ArrayList<>(interceptors);
        all.addAll(List.of(more));
        DatabricksClient copy = new DatabricksClient(config, credentials, all.toArray(Interceptor[]::new));
        copy.retryListener = retryListener;
        copy.clock = clock;
        copy.sleeper = sleeper;
        return copy;
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

    /**
     * {@code GET /api/2.0/token/list}. The body is read whole (and re-sent on failure like any other read) but decoded
     * field by field, without the shared mapper: building it would cost a short {@code tokens list} a quarter of its
     * run. The result equals the mapper's decoding.
     */
    public ListPublicTokensResponse listTokens() {
        Request request = requests().listTokens();
        return new ListPublicTokensResponse(Listing.readAll(request, execute(request), "token_infos",
                PublicTokenInfo.class, PublicTokenInfoReader::read, PublicTokenInfoReader::readWhole));
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

    /**
     * {@link #listTokenManagement} for long listings: the tokens are read from the network and decoded one at a time
     * as they are iterated; neither the body nor the list is ever held whole. Retries end when the response headers
     * arrive: the body is read once, and a failure while reading it is an error, never a second request, so that
     * nothing is printed twice. Close the listing.
     */
    public Listing<TokenInfo> streamTokenManagement(Long createdById, String createdByUsername) {
        Request request = requests().listTokenManagement(createdById, createdByUsername);
        return Listing.open(request, open(request), "token_infos", TokenInfo.class, TokenInfoReader::read,
                TokenInfoReader::readWhole, TokenInfoScan::read);
    }

    /**
     * {@link #streamTokenManagement} for printing as JSON: a token of a plain body is a {@link ScannedToken}, kept as it
     * arrived; any other is a {@link TokenInfo} (or {@code null}), as {@link #streamTokenManagement} decodes it.
     */
    public Listing<Object> streamTokenManagementJson(Long createdById, String createdByUsername) {
        Request request = requests().listTokenManagement(createdById, createdByUsername);
        return Listing.<Object>open(request, open(request), "token_infos", TokenInfo.class, TokenInfoReader::read,
                TokenInfoReader::readWhole, ScannedToken::read);
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
        return decodeOrEmpty(request, execute(request), type);
    }

    private static <T> T decodeOrEmpty(Request request, byte[] body, Class<T> type) {
        T value = decode(request, body, Json.mapper().constructType(type));
        // A JSON null reads as the empty object.
        return value != null ? value : decode(request, new byte[0], Json.mapper().constructType(type));
    }

    /**
     * Sends {@code request} and returns the body of its 2xx response. This is the one place requests go on the
     * wire: the {@link Retrier} repeats {@link #attempt(Request)} after an {@link ApiException} that
     * {@link ApiException#isRateLimited() is rate limited}, is a 503 or carries a transient message, and after a
     * {@link TransportException} whose {@link TransportException#mayHaveBeenSent() request never left}; after one that
     * may have been sent, only if {@link Resend#of(Request)} is {@link Resend#SAFE}. A token POST that may have
     * arrived is never sent again: its error says how to check what happened.
     */
    private byte[] execute(Request request) {
        return send(request, this::attempt);
    }

    /**
     * Sends {@code request} as {@link #execute} does, but returns its 2xx response with the body still unread: the
     * caller reads it once and closes it. Failures while reading it are the caller's and are never retried.
     */
    private Response open(Request request) {
        return send(request, this::respond);
    }

    private <T> T send(Request request, Function<Request, T> attempt) {
        Retrier retrier = new Retrier(retryPolicy, clock, sleeper, retryListener, ThreadLocalRandom.current());
        try {
            return retrier.run(request, number -> {
                if (number > 1) {
                    // A retry opens a new connection: the server may have closed the last one while dbtok waited,
                    // and a POST written into a dead connection would count as "may have been sent".
                    httpClient().connectionPool().evictAll();
                }
                return attempt.apply(request);
            });
        } catch (TransportException e) {
            if (e.mayHaveBeenSent() && Resend.of(request) == Resend.ONLY_IF_NOT_SENT) {
                throw e.withNote(ResendAdvice.of(request, config.profile()));
            }
            throw e;
        }
    }

    /** One attempt: the body of a 2xx, or an exception (401/403 enriched with the hint block). */
    private byte[] attempt(Request request) {
        SendTracker tracker = new SendTracker();
        try (Response response = respond(request, tracker)) {
            ResponseBody body = response.body();
            return body == null ? new byte[0] : bytes(body);
        } catch (IOException e) {
            throw TransportException.of(request, e, tracker.requestStarted());
        }
    }

    private Response respond(Request request) {
        return respond(request, new SendTracker());
    }

    /** One attempt up to the response headers: a 2xx response, body unread, or an exception. */
    private Response respond(Request request, SendTracker tracker) {
        waitForRateLimit();
        Request tracked = request.newBuilder().tag(SendTracker.class, tracker).build();
        Response response;
        try {
            response = httpClient().newCall(tracked).execute();
        } catch (IOException e) {
            throw TransportException.of(request, e, tracker.requestStarted());
        }
        if (!response.isSuccessful()) {
            try (response) {
                throw ApiException.from(response).withAuthHints(authContext);
            }
        }
        return response;
    }

    /** The whole body; read straight into an array of its announced length, so a long listing is held once. */
    private static byte[] bytes(ResponseBody body) throws IOException {
        long length = body.contentLength();
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            return body.bytes();
        }
        byte[] bytes = new byte[(int) length];
        body.source().readFully(bytes);
        return bytes;
    }

    private void waitForRateLimit() {
        Duration wait = rateLimiter.reserve(clock.instant());
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            // Sending a little early beats failing; the interrupt stays visible to the caller.
            Thread.currentThread().interrupt();
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
        OkHttpClient.Builder builder = OkHttpDefaults.builder(timeout)
                .eventListenerFactory(SendTracker.LISTENERS)
                .addNetworkInterceptor(new ImmediateRetryGuard())
                .addInterceptor(new AuthInterceptor(credentials, requests().origin()));
        interceptors.forEach(builder::addInterceptor);
        if (!requests().origin().isHttps()) {
            // Plain http:// only: without a TLS connection spec, OkHttp skips initialising TLS (measured ~110 ms).
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        } else {
            // The JVM's default TLS set-up, made in the background by the calls OkHttp would make here (HttpWarmUp);
            // when it was not begun or failed, OkHttp makes it itself, with the same result or the same failure.
            HttpWarmUp.PreparedTls tls = HttpWarmUp.preparedTls();
            if (tls != null) {
                builder.sslSocketFactory(tls.socketFactory(), tls.trustManager());
            }
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "DatabricksClient[" + config.host() + ", auth=" + credentials.authType() + "]";
    }
}
