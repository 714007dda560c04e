package dev.dbtok.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The settings every OkHttp client of dbtok starts from, the REST client's and the OAuth token endpoint's alike, so
 * that they cannot drift apart.
 */
final class OkHttpDefaults {
    private OkHttpDefaults() {
    }

    /**
     * A builder with {@code timeout} for connecting, each read and each write, no limit on a whole call (a long
     * listing takes as long as it takes), sockets without Nagle's delay ({@link NoDelaySockets}), and neither retries
     * nor redirects of OkHttp's own: whether a request is sent again is dbtok's decision (http.md §6), and a POST is
     * never re-sent by the library.
     */
    static OkHttpClient.Builder builder(Duration timeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(Duration.ZERO)
                .socketFactory(NoDelaySockets.INSTANCE)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false);
    }
}
