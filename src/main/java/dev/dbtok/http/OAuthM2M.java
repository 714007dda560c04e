package dev.dbtok.http;

import dev.dbtok.text.GoQuote;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth machine-to-machine credentials of a service principal (config.md §9): discovers the workspace's token
 * endpoint ({@code GET {host}/oidc/.well-known/oauth-authorization-server}), asks it for an access token with the
 * client-credentials grant ({@code POST}, form-encoded, client ID and secret in a Basic header), and hands out that
 * token until shortly before it expires, then fetches a new one.
 *
 * <p>Both requests are safe to repeat, so a 429, a 5xx or a failed connection is retried a few times. Failures are
 * {@link OAuthException}s reading {@code oauth-m2m auth: <detail>}; the client secret never appears in one, nor in
 * {@link #toString()}.
 *
 * <p>Requests go through a client of their own, not through {@link DatabricksClient}'s: its {@link AuthInterceptor}
 * would ask this very supplier for a token to put on the token request.
 */
public final class OAuthM2M implements Supplier<String> {

    /** Waits between attempts; injectable so that tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final String DISCOVERY_PATH = "oidc/.well-known/oauth-authorization-server";
    static final int MAX_ATTEMPTS = 3;
    /** A token is replaced this long before it expires, so that it never expires on its way to the server. */
    static final Duration EARLY_REFRESH = Duration.ofSeconds(10);
    private static final Duration MAX_DELAY = Duration.ofSeconds(10);
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 500, 502, 503, 504);

    private final HttpUrl host;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String userAgent = UserAgent.of("oauth-m2m");

    private OkHttpClient cleartextClient;
    private OkHttpClient tlsClient;
    private HttpUrl tokenEndpoint;
    private String accessToken;
    /** When the cached token stops being handed out; {@code null} for a token without {@code expires_in}. */
    private Instant refreshAt;

    /**
     * @param host         the normalised workspace URL
     * @param scopes       comma-separated scopes (sent space-separated); {@code null} or empty for {@code all-apis}
     * @param timeout      connect, read and write timeout of each request
     */
    public OAuthM2M(String host, String clientId, String clientSecret, String scopes, Duration timeout, Clock clock,
                    Sleeper sleeper) {
        this.host = RequestFactory.origin(host);
        this.clientId = requireNonEmpty(clientId, "client_id");
        this.clientSecret = requireNonEmpty(clientSecret, "client_secret");
        String list = scopes == null || scopes.isEmpty() ? ResolvedConfig.DEFAULT_SCOPES : scopes;
        this.scope = String.join(" ", List.of(list.split(",")));
        this.timeout = timeout;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The token source for a resolved {@code oauth-m2m} configuration, on the system clock. */
    public static OAuthM2M forConfig(ResolvedConfig config) {
        int seconds = config.httpTimeoutSeconds() > 0 ? config.httpTimeoutSeconds() : ResolvedConfig.DEFAULT_HTTP_TIMEOUT_SECONDS;
        return new OAuthM2M(config.host(), config.clientId(), config.clientSecret(), config.scopes(),
                Duration.ofSeconds(seconds), Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * The current access token: the cached one while it is fresh, else a new one.
     *
     * @throws OAuthException when discovery or the token request fails
     */
    @Override
    public synchronized String get() {
        if (accessToken != null && (refreshAt == null || clock.instant().isBefore(refreshAt))) {
            return accessToken;
        }
        if (tokenEndpoint == null) {
            tokenEndpoint = discover();
        }
        fetchToken();
        return accessToken;
    }

    private HttpUrl discover() {
        HttpUrl url = host.newBuilder().addPathSegments(DISCOVERY_PATH).build();
        Request request = new Request.Builder().url(url).get()
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .tag(Resend.class, Resend.SAFE)
                .build();
        Reply reply;
        try {
            reply = send(request);
        } catch (TransportException e) {
            throw failure("oidc: failed to get OAuth endpoints: " + e.getMessage());
        }
        if (reply.status() == 404) {
            throw failure("oidc: databricks OAuth is not supported for this host");
        }
        if (!reply.successful()) {
            throw failure("oidc: failed to get OAuth endpoints: " + ApiException.parse(reply.status(), reply.body()).getMessage());
        }
        JsonNode document = json(reply.body());
        String endpoint = document == null ? "" : document.path("token_endpoint").asText("");
        HttpUrl parsed = HttpUrl.parse(endpoint);
        if (parsed == null) {
            throw failure("oidc: " + url + " gives no usable token_endpoint");
        }
        return parsed;
    }

    private void fetchToken() {
        // Encoded by hand: OkHttp's FormBody writes a space as %20, the official CLI's Go library as '+'.
        byte[] form = ("grant_type=client_credentials&scope=" + formEscape(scope)).getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(tokenEndpoint).post(RequestBody.create(form, FORM))
                .header("Authorization", basic())
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                // Asking for a token twice only yields two tokens: a retry is harmless (http.md §6).
                .tag(Resend.class, Resend.SAFE)
                .build();
        Reply reply;
        try {
            reply = send(request);
        } catch (TransportException e) {
            throw failure(e.getMessage());
        }
        JsonNode body = json(reply.body());
        if (!reply.successful()) {
            throw failure(tokenError(reply, body));
        }
        if (body == null || !body.isObject()) {
            throw failure("oauth2: cannot parse the token response as JSON");
        }
        String token = body.path("access_token").asText("");
        if (token.isEmpty()) {
            throw failure("oauth2: server response missing access_token");
        }
        long expiresIn = body.path("expires_in").asLong(0);
        Instant now = clock.instant();
        accessToken = token;
        refreshAt = expiresIn <= 0 ? null : now.plusSeconds(expiresIn).minus(earlyRefresh(expiresIn));
    }

    /** Ten seconds early, or half the lifetime of a token that lives less than twenty. */
    private static Duration earlyRefresh(long expiresIn) {
        Duration half = Duration.ofSeconds(expiresIn).dividedBy(2);
        return half.compareTo(EARLY_REFRESH) < 0 ? half : EARLY_REFRESH;
    }

    /** The token endpoint's complaint, worded as the official CLI's OAuth library words it. */
    private static String tokenError(Reply reply, JsonNode body) {
        String code = body == null ? "" : body.path("error").asText("");
        if (!code.isEmpty()) {
            StringBuilder message = new StringBuilder("oauth2: ").append(quote(code));
            String description = body.path("error_description").asText("");
            String uri = body.path("error_uri").asText("");
            if (!description.isEmpty()) {
                message.append(' ').append(quote(description));
            }
            if (!uri.isEmpty()) {
                message.append(' ').append(quote(uri));
            }
            return message.toString();
        }
        String status = reply.status() + (StatusText.of(reply.status()).isEmpty() ? "" : " " + StatusText.of(reply.status()));
        String text = new String(reply.body(), StandardCharsets.UTF_8).strip();
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.length() > 200) {
            firstLine = firstLine.substring(0, 200) + "...";
        }
        return "oauth2: cannot fetch token: " + status + (firstLine.isEmpty() ? "" : ". Response: " + firstLine);
    }

    private record Reply(int status, byte[] body) {
        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /** One request with up to {@link #MAX_ATTEMPTS} attempts; the last answer or failure is returned or thrown. */
    private Reply send(Request request) {
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try (Response response = client(request.url()).newCall(request).execute()) {
                ResponseBody body = response.body();
                Reply reply = new Reply(response.code(), body == null ? new byte[0] : body.bytes());
                if (!RETRIED_STATUSES.contains(reply.status()) || attempt == MAX_ATTEMPTS) {
                    return reply;
                }
                wait = retryAfter(response.header("Retry-After"), attempt);
            } catch (IOException e) {
                TransportException failure = TransportException.of(request, e);
                if (failure.kind() == TransportException.Kind.UNKNOWN_HOST || attempt == MAX_ATTEMPTS) {
                    throw failure;
                }
                wait = delay(attempt);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting to retry " + request.url());
            }
        }
    }

    private static Duration retryAfter(String header, int attempt) {
        if (header != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(header.strip()));
                return asked.isNegative() ? Duration.ZERO : asked.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : asked;
            } catch (NumberFormatException notSeconds) {
                // An HTTP-date: fall back to the usual delay.
            }
        }
        return delay(attempt);
    }

    private static Duration delay(int attempt) {
        Duration linear = Duration.ofSeconds(attempt);
        return linear.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : linear;
    }

    /** The client for {@code url}'s scheme, built on first use. */
    synchronized OkHttpClient client(HttpUrl url) {
        if (url.isHttps()) {
            if (tlsClient == null) {
                tlsClient = builder().build();
            }
            return tlsClient;
        }
        if (cleartextClient == null) {
            // Plain http:// only (WireMock, the emulator): skipping TLS set-up saves ~110 ms.
            cleartextClient = builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        }
        return cleartextClient;
    }

    private OkHttpClient.Builder builder() {
        return OkHttpDefaults.builder(timeout);
    }

    /** {@code Basic base64(id:secret)}, each part form-escaped first, as OAuth 2.0 (RFC 6749 §2.3.1) asks. */
    private String basic() {
        String pair = formEscape(clientId) + ":" + formEscape(clientSecret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code application/x-www-form-urlencoded} escaping: letters, digits and {@code -_.~} stay, a space becomes {@code +}. */
    static String formEscape(String s) {
        // URLEncoder keeps '*' and escapes '~'; the official CLI's Go library does the opposite.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** A failure whose text cannot carry the secret, whatever a server echoed back. */
    private OAuthException failure(String detail) {
        return new OAuthException("oauth-m2m auth: " + detail.replace(clientSecret, "***"));
    }

    /** Go's {@code %q}, for OAuth error codes and descriptions. */
    private static String quote(String s) {
        return GoQuote.quote(s);
    }

    private static String requireNonEmpty(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("oauth-m2m auth: " + name + " is required");
        }
        return value;
    }

    @Override
    public String toString() {
        return "OAuthM2M[host=" + host + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
