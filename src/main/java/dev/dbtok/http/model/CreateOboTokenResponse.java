package dev.dbtok.http.model;

/** Response of {@code POST /api/2.0/token-management/on-behalf-of/tokens}. */
public record CreateOboTokenResponse(TokenInfo tokenInfo, String tokenValue) {
    /** The token value is a secret: never show it through {@code toString()}. */
    @Override
    public String toString() {
        return "CreateOboTokenResponse[tokenInfo=" + tokenInfo + ", tokenValue=" + (tokenValue == null ? null : "***") + "]";
    }
}
