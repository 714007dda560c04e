package dev.dbtok.http;

import java.util.Objects;
import java.util.function.Supplier;

/** A service principal's OAuth access token, asked of the supplier on each attempt and sent as {@code Bearer}. */
final class OAuthM2mCredentials implements CredentialsProvider {
    private final Supplier<String> accessTokens;

    OAuthM2mCredentials(Supplier<String> accessTokens) {
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    }

    @Override
    public String authType() {
        return "oauth-m2m";
    }

    @Override
    public String authorization() {
        return "Bearer " + accessTokens.get();
    }

    @Override
    public String toString() {
        return "OAuthM2mCredentials[accessToken=***]";
    }
}
