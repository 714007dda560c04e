package dev.dbtok.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Stops OkHttp from silently sending a request again when a 503 says {@code Retry-After: 0}: OkHttp does that even
 * for a POST and even with {@code retryOnConnectionFailure(false)}, out of sight of the {@link Retrier}, the
 * attempt count, the rate limit and {@code disable_retries}. The header becomes {@code 0.0}, which means the same to
 * {@link RetryAfter} but is not the integer OkHttp looks for.
 */
final class ImmediateRetryGuard implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && retryAfter.matches("0+")) {
            return response.newBuilder().header("Retry-After", "0.0").build();
        }
        return response;
    }
}
