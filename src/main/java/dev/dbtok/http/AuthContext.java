package dev.dbtok.http;

import dev.dbtok.config.ResolvedConfig;

/**
 * What the 401/403 hint block (http.md §5) says about the caller: the profile, the host and the auth type
 * ({@code pat}, {@code basic}, {@code oauth-m2m}). Any of them may be null when unknown. Holds no secret.
 */
public record AuthContext(String profile, String host, String authType) {

    public static AuthContext of(ResolvedConfig config, String authType) {
        return new AuthContext(config.profile(), config.host(), authType);
    }
}
