package dev.dbtok.http;

import okhttp3.Request;

/**
 * Whether a request may be sent again after an attempt that may have reached the server (http.md §6).
 * {@link RequestFactory} tags every request with one of these; a retry loop reads it back with {@link #of(Request)}.
 */
public enum Resend {
    /** GET, PUT, PATCH, DELETE: sending twice has the same effect as sending once. */
    SAFE,
    /**
     * The POSTs {@code token/create}, {@code token/delete} and {@code on-behalf-of/tokens}: a second copy can mint a
     * second token, or turn a success into {@code RESOURCE_DOES_NOT_EXIST}. Resend only when the failed attempt
     * certainly never left ({@link TransportException.Kind#mayHaveBeenSent()} is false).
     */
    ONLY_IF_NOT_SENT;

    /** The tag of {@code request}; an untagged request is treated as the cautious {@link #ONLY_IF_NOT_SENT}. */
    public static Resend of(Request request) {
        Resend resend = request.tag(Resend.class);
        return resend == null ? ONLY_IF_NOT_SENT : resend;
    }
}
