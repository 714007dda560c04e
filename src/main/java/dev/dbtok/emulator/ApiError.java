package dev.dbtok.emulator;

/**
 * A request the emulated workspace refuses: the HTTP status and the {@code {"error_code", "message"}} body a real
 * workspace sends (http.md §4). Thrown from anywhere in request handling; {@link EmulatorHandler} writes it out.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    /** A string such as {@code RESOURCE_DOES_NOT_EXIST}, or a number: workspaces send {@code 403} for a bad token. */
    private final transient Object errorCode;

    ApiError(int status, Object errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    ErrorBody body() {
        return new ErrorBody(errorCode, getMessage());
    }

    /** No usable {@code Authorization} header at all. */
    static ApiError notAuthenticated() {
        return new ApiError(401, 401, "Credential was not sent or was of an unsupported type for this API.");
    }

    /** An unknown, revoked or expired token; workspaces answer exactly this, with a numeric code. */
    static ApiError invalidToken() {
        return new ApiError(403, 403, "Invalid access token.");
    }

    static ApiError permissionDenied(String message) {
        return new ApiError(403, "PERMISSION_DENIED", message);
    }

    static ApiError invalidParameter(String message) {
        return new ApiError(400, "INVALID_PARAMETER_VALUE", message);
    }

    static ApiError malformedRequest(String message) {
        return new ApiError(400, "MALFORMED_REQUEST", message);
    }

    static ApiError tokenNotFound(String tokenId) {
        return new ApiError(404, "RESOURCE_DOES_NOT_EXIST", "Token with id " + tokenId + " does not exist");
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "RESOURCE_DOES_NOT_EXIST", message);
    }

    static ApiError quotaExceeded(int quota) {
        return new ApiError(400, "QUOTA_EXCEEDED",
                "Token quota exceeded: a user can have at most " + quota + " tokens. Revoke unused tokens and retry.");
    }

    static ApiError noSuchEndpoint(String method, String path) {
        return new ApiError(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path + "'");
    }

    /** The body of every error response. */
    record ErrorBody(Object errorCode, String message) {
    }
}
