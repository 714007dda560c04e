package dev.dbtok.http;

/**
 * No OAuth access token could be had (config.md §7, §9): discovery or the token request failed.
 * The message reads {@code oauth-m2m auth: <detail>} and never holds the client secret.
 */
public final class OAuthException extends DatabricksException {
    private static final long serialVersionUID = 1L;

    OAuthException(String message) {
        super(message, null);
    }
}
