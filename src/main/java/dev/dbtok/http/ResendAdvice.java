package dev.dbtok.http;

import okhttp3.Request;

/**
 * What to tell the user when a request that must not be sent twice failed after it may have reached the workspace:
 * dbtok did not send it again, and here is how to find out whether it took effect.
 */
final class ResendAdvice {
    private ResendAdvice() {
    }

    /**
     * The sentence appended to the error, e.g. {@code . The request may have reached the workspace, so dbtok did not
     * send it again; run 'dbtok tokens list' to check whether the token was created before retrying.}
     *
     * @param profile the profile the command ran with, repeated in the suggested command; null or DEFAULT for none
     */
    static String of(Request request, String profile) {
        String flag = profile == null || profile.isEmpty() || "DEFAULT".equals(profile) ? ""
                : " -p " + (profile.matches("[A-Za-z0-9_.@+-]+") ? profile : "\"" + profile + "\"");
        String path = request.url().encodedPath();
        String check;
        if (path.endsWith("/api/2.0/token/create")) {
            check = "run 'dbtok tokens list" + flag + "' to check whether the token was created";
        } else if (path.endsWith("/api/2.0/token/delete")) {
            check = "run 'dbtok tokens list" + flag + "' to check whether the token is still there";
        } else if (path.endsWith("/api/2.0/token-management/on-behalf-of/tokens")) {
            check = "run 'dbtok token-management list" + flag + "' to check whether the token was created";
        } else {
            check = "check the workspace for its effect";
        }
        return ". The request may have reached the workspace, so dbtok did not send it again; " + check
                + " before retrying.";
    }
}
