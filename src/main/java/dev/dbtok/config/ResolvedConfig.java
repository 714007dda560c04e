package dev.dbtok.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of configuration resolution: everything a command needs to reach one workspace.
 *
 * <p>Values are {@code null} when unset. {@code host} is normalised ({@code scheme://host[:port]}).
 * {@code authType} is the strategy that will be used ({@code pat}, {@code basic} or {@code oauth-m2m}).
 * {@code profile} is the profile that was loaded (or requested), {@code configFile} the expanded path
 * of the config file that was consulted. {@code scopes} is comma-separated, sorted and de-duplicated.
 *
 * <p>{@code disableRetries} makes every request a single attempt ({@code disable_retries}).
 *
 * <p>{@code sources} maps each attribute that was set (by its config-file key, e.g. {@code host},
 * {@code token}) to where its value came from. Attributes left at their defaults are absent.
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
        int retryTimeoutSeconds,
        boolean disableRetries,
        Map<String, Origin> sources) {

    public static final int DEFAULT_HTTP_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_DEBUG_TRUNCATE_BYTES = 96;
    public static final int DEFAULT_RETRY_TIMEOUT_SECONDS = 300;
    public static final String DEFAULT_SCOPES = "all-apis";

    public ResolvedConfig {
        // Keeps attribute order, so whoever lists the sources shows them in a stable order.
        sources = sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Where {@code attribute} came from, or {@code null} when it was not set. */
    public Origin sourceOf(Attribute attribute) {
        return sources.get(attribute.key());
    }

    /**
     * Every attribute that a source set, in {@link Attribute} order, with its value as text and its
     * origin; {@code auth_type} is always included (as {@code dynamic configuration} when dbtok chose
     * it). Values are unmasked: whoever shows them masks the {@link Attribute#sensitive() sensitive} ones.
     */
    public List<AttributeValue> attributes() {
        List<AttributeValue> list = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            Origin origin = sources.get(attribute.key());
            if (origin == null && attribute == Attribute.AUTH_TYPE && authType != null) {
                origin = Origin.dynamic();
            }
            String value = origin == null ? null : valueOf(attribute);
            if (value != null && !value.isEmpty()) {
                list.add(new AttributeValue(attribute, value, origin));
            }
        }
        return list;
    }

    private String valueOf(Attribute attribute) {
        return switch (attribute) {
            case HOST -> host;
            case ACCOUNT_ID -> accountId;
            case WORKSPACE_ID -> workspaceId;
            case TOKEN -> token;
            case USERNAME -> username;
            case PASSWORD -> password;
            case PROFILE -> profile;
            case CONFIG_FILE -> configFile == null ? null : configFile.toString();
            case CLIENT_ID -> clientId;
            case CLIENT_SECRET -> clientSecret;
            case SCOPES -> scopes;
            case AUTH_TYPE -> authType;
            case HTTP_TIMEOUT_SECONDS -> String.valueOf(httpTimeoutSeconds);
            case DEBUG_TRUNCATE_BYTES -> String.valueOf(debugTruncateBytes);
            case DEBUG_HEADERS -> String.valueOf(debugHeaders);
            case RATE_LIMIT -> rateLimit == null ? null : String.valueOf(rateLimit);
            case RETRY_TIMEOUT_SECONDS -> String.valueOf(retryTimeoutSeconds);
            case DISABLE_RETRIES -> String.valueOf(disableRetries);
        };
    }

    /** The same configuration with other HTTP and retry time limits (e.g. a quick validation call). */
    public ResolvedConfig withTimeouts(int httpSeconds, int retrySeconds) {
        return new ResolvedConfig(host, accountId, workspaceId, token, username, password, profile, configFile,
                clientId, clientSecret, scopes, authType, httpSeconds, debugTruncateBytes, debugHeaders, rateLimit,
                retrySeconds, disableRetries, sources);
    }

    /** Never print secrets, even by accident through a debugger or a log of this record. */
    @Override
    public String toString() {
        return "ResolvedConfig[host=" + host + ", profile=" + profile + ", authType=" + authType
                + ", configFile=" + configFile + "]";
    }
}
