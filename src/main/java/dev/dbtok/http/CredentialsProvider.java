package dev.dbtok.http;

import dev.dbtok.config.ResolvedConfig;
import java.util.function.Supplier;

/**
 * Supplies the {@code Authorization} header for each attempt (config.md §7). Implementations never show
 * their secret through {@code toString()} or an exception message.
 */
public interface CredentialsProvider {

    /** {@code pat}, {@code basic} or {@code oauth-m2m}: for the User-Agent and the 401/403 hints. */
    String authType();

    /** The complete header value, e.g. {@code Bearer <token>}. Called once per attempt, so a provider may refresh. */
    String authorization();

    /** {@code Authorization: Bearer <token>}. */
    static CredentialsProvider pat(String token) {
        return new PatCredentials(token);
    }

    /** {@code Authorization: Basic base64(username:password)}, UTF-8 encoded. */
    static CredentialsProvider basic(String username, String password) {
        return new BasicCredentials(username, password);
    }

    /**
     * {@code Authorization: Bearer <access token>}, asking {@code accessTokens} on every attempt; the supplier
     * owns fetching and caching (the OAuth M2M flow of config.md §9).
     */
    static CredentialsProvider oauthM2m(Supplier<String> accessTokens) {
        return new OAuthM2mCredentials(accessTokens);
    }

    /**
     * The provider for a resolved {@code pat} or {@code basic} configuration. {@code oauth-m2m} needs a token
     * source and is refused here: build it with {@link #oauthM2m(Supplier)}.
     *
     * @throws IllegalArgumentException if the configuration holds no usable credentials
     */
    static CredentialsProvider fromConfig(ResolvedConfig config) {
        String type = config.authType();
        if (type == null || type.isEmpty()) {
            type = notEmpty(config.token()) ? "pat"
                    : notEmpty(config.username()) && notEmpty(config.password()) ? "basic"
                    : notEmpty(config.clientId()) && notEmpty(config.clientSecret()) ? "oauth-m2m"
                    : "";
        }
        return switch (type) {
            case "pat" -> {
                if (!notEmpty(config.token())) {
                    throw new IllegalArgumentException("pat auth: no token configured");
                }
                yield pat(config.token());
            }
            case "basic" -> {
                if (!notEmpty(config.username()) || !notEmpty(config.password())) {
                    throw new IllegalArgumentException("basic auth: username and password are required");
                }
                yield basic(config.username(), config.password());
            }
            case "oauth-m2m" -> throw new IllegalArgumentException(
                    "oauth-m2m auth: an access-token source is required (CredentialsProvider.oauthM2m)");
            case "" -> throw new IllegalArgumentException("no credentials configured");
            default -> throw new IllegalArgumentException("unsupported auth type \"" + type + "\"");
        };
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
