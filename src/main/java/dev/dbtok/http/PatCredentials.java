package dev.dbtok.http;

import java.util.Objects;

/** A personal access token, sent as {@code Bearer <token>}. */
final class PatCredentials implements CredentialsProvider {
    private final String token;

    PatCredentials(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String authType() {
        return "pat";
    }

    @Override
    public String authorization() {
        return "Bearer " + token;
    }

    @Override
    public String toString() {
        return "PatCredentials[token=***]";
    }
}
