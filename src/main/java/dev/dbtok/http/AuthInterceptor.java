package dev.dbtok.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization} to every request for the configured workspace (scheme, host and port must match),
 * so credentials can never travel to another origin. A request that already carries the header (such as a
 * future OAuth token request with its own client credentials) is left alone.
 */
final class AuthInterceptor implements Interceptor {
    private final CredentialsProvider credentials;
    private final HttpUrl origin;

    AuthInterceptor(CredentialsProvider credentials, HttpUrl origin) {
        this.credentials = credentials;
        this.origin = origin;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null || !sameOrigin(request.url())) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Authorization", credentials.authorization()).build());
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(origin.scheme()) && url.host().equals(origin.host()) && url.port() == origin.port();
    }
}
