package dev.dbtok.config;

import java.nio.file.Path;

/**
 * The outcome of configuration resolution: everything a command needs to reach one workspace.
 *
 * <p>Values are {@code null} when unset. {@code host} is normalised ({@code scheme://host[:port]}).
 * {@code authType} is the strategy that will be used ({@code pat}, {@code basic} or {@code oauth-m2m}).
 * {@code profile} is the profile that was loaded (or requested), {@code configFile} the expanded path
 * of the config file that was consulted.
 */
public record ResolvedConfig(
        String host,
        String accountId,
        String workspaceId,
        String token,
        String username,
        String password,
        String profile,
        Path configFile,
        String clientId,
        String clientSecret,
        String scopes,
        String authType,
        int httpTimeoutSeconds,
        int debugTruncateBytes,
        boolean debugHeaders,
        Integer rateLimit,
        int retryTimeoutSeconds) {

    public static final int DEFAULT_HTTP_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_DEBUG_TRUNCATE_BYTES = 96;
    public static final int DEFAULT_RETRY_TIMEOUT_SECONDS = 300;

    /** Never print secrets, even by accident through a debugger or a log of this record. */
    @Override
    public String toString() {
        return "ResolvedConfig[host=" + host + ", profile=" + profile + ", authType=" + authType
                + ", configFile=" + configFile + "]";
    }
}
