package dev.dbtok.http.model;

/** Response of {@code POST /api/2.0/token/create}. */
public record CreateTokenResponse(PublicTokenInfo tokenInfo, String tokenValue) {
    /** The token value is a secret: never show it through {@code toString()}. */
    @Override
    public String toString() {
        return "CreateTokenResponse[tokenInfo=" + tokenInfo + ", tokenValue=" + (tokenValue == null ? null : "***") + "]";
    }
}
