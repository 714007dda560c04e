package dev.dbtok.config;

import static dev.dbtok.config.Attribute.CLIENT_ID;
import static dev.dbtok.config.Attribute.CLIENT_SECRET;
import static dev.dbtok.config.Attribute.HOST;
import static dev.dbtok.config.Attribute.PASSWORD;
import static dev.dbtok.config.Attribute.TOKEN;
import static dev.dbtok.config.Attribute.USERNAME;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Validation and the choice of credential strategy (config.md §7). This only decides which
 * strategy applies; the OAuth token itself is fetched later by the HTTP layer, which reuses the
 * public message constants below when that fetch fails.
 */
public final class CredentialSelector {

    static final String PAT = "pat";
    static final String BASIC = "basic";
    static final String OAUTH_M2M = "oauth-m2m";

    public static final String AUTH_DOC_URL =
            "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication";
    public static final String CANNOT_CONFIGURE_DEFAULT = "cannot configure default credentials, please check "
            + AUTH_DOC_URL + " to configure credentials for your preferred authentication method";

    /** A strategy failed; the message is the full text before the suffix. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private CredentialSelector() {
    }

    /**
     * Credentials from more than one group are ambiguous unless {@code auth_type} says which to use.
     *
     * @return the conflict detail ({@code more than one authorization method configured: basic and pat})
     */
    static Optional<String> conflict(ConfigValues values) {
        if (values.isSet(Attribute.AUTH_TYPE)) {
            return Optional.empty();
        }
        TreeSet<String> groups = new TreeSet<>();
        for (Attribute attribute : Attribute.values()) {
            if (values.isSet(attribute)) {
                attribute.authGroup().ifPresent(groups::add);
            }
        }
        return groups.size() <= 1 ? Optional.empty()
                : Optional.of("more than one authorization method configured: " + String.join(" and ", groups));
    }

    /**
     * With {@code auth_type} set only that strategy is tried and its failure is reported; otherwise
     * pat, basic and oauth-m2m are tried in that order and the first complete one wins.
     *
     * @return {@code pat}, {@code basic} or {@code oauth-m2m}
     */
    static String select(ConfigValues values) throws Failure {
        String forced = values.string(Attribute.AUTH_TYPE);
        if (forced != null) {
            return forced(forced, values);
        }
        if (complete(values, HOST, TOKEN)) {
            return PAT;
        }
        if (complete(values, HOST, USERNAME, PASSWORD)) {
            return BASIC;
        }
        if (complete(values, HOST, CLIENT_ID, CLIENT_SECRET)) {
            return OAUTH_M2M;
        }
        throw new Failure("default auth: " + CANNOT_CONFIGURE_DEFAULT);
    }

    private static String forced(String authType, ConfigValues values) throws Failure {
        switch (authType) {
            case PAT -> {
                if (!values.isSet(HOST)) {
                    throw new Failure("pat auth: host is required for PAT authentication");
                }
                if (!values.isSet(TOKEN)) {
                    throw new Failure("pat auth: token is required");
                }
            }
            case BASIC -> {
                if (!complete(values, HOST, USERNAME, PASSWORD)) {
                    throw new Failure("basic auth: not configured");
                }
            }
            case OAUTH_M2M -> {
                if (!complete(values, CLIENT_ID, CLIENT_SECRET)) {
                    throw new Failure("oauth-m2m auth: not configured");
                }
                if (!values.isSet(HOST)) {
                    // The official CLI fails discovering the OIDC endpoints of an empty host.
                    throw new Failure("oauth-m2m auth: oidc: no host configured");
                }
            }
            default -> throw new Failure("default auth: auth type " + ValueParser.goQuote(authType) + " not found, please check "
                    + AUTH_DOC_URL + " for a list of supported auth types");
        }
        return authType;
    }

    private static boolean complete(ConfigValues values, Attribute... required) {
        for (Attribute attribute : required) {
            if (!values.isSet(attribute)) {
                return false;
            }
        }
        return true;
    }
}
