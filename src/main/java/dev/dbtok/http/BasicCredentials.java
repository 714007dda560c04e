package dev.dbtok.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** A username and password, sent as {@code Basic base64(username:password)}. */
final class BasicCredentials implements CredentialsProvider {
    private final String username;
    private final String password;

    BasicCredentials(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public String authType() {
        return "basic";
    }

    @Override
    public String authorization() {
        byte[] pair = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
