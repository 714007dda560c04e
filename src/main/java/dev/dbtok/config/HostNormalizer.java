package dev.dbtok.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reduces a configured host to {@code scheme://host[:port]}, the form every request is built on.
 *
 * <ul>
 *   <li>No scheme: {@code https://} is prepended ({@code x} becomes {@code https://x}).</li>
 *   <li>Path, query, fragment, user info and trailing {@code /} are dropped; {@code http://} is kept
 *       so tests can point at a local server.</li>
 *   <li>Workspace and account IDs pasted with a browser URL survive: {@code ?w=} (any value), else a
 *       numeric {@code ?o=} or {@code ?workspace_id=}, gives the workspace ID; {@code ?a=} or
 *       {@code ?account_id=} gives the account ID.</li>
 * </ul>
 */
public final class HostNormalizer {

    /** The normalised host and the IDs found in its query (each {@code null} when absent). */
    public record Normalized(String host, String workspaceId, String accountId) {
    }

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern PORT = Pattern.compile(":[0-9]*");
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("[+-]?[0-9]+");

    private HostNormalizer() {
    }

    /**
     * @return the normalised form, or empty when there is no hostname at all (the caller reports
     *     {@code no host configured})
     * @throws ConfigException for a port that is not a number, worded like the official CLI
     */
    public static Optional<Normalized> normalize(String host) {
        UrlParts parts = UrlParts.of(host);
        if (parts.authority.isEmpty()) {
            // Without "scheme://" there is no authority; read the whole value as one.
            parts = UrlParts.of("https://" + host);
        }
        String hostPort = withoutUserInfo(parts.authority);
        if (hostname(hostPort).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> query = parseQuery(parts.query);
        return Optional.of(new Normalized(
                parts.scheme + "://" + hostPort, workspaceId(query), accountId(query)));
    }

    private static String workspaceId(Map<String, String> query) {
        // ?w= is the current spelling and may be non-numeric; the older spellings are numeric only.
        String w = query.get("w");
        if (w != null && !w.isEmpty()) {
            return w;
        }
        for (String key : new String[] {"o", "workspace_id"}) {
            String value = query.get(key);
            if (value != null && isInt64(value)) {
                return value;
            }
        }
        return null;
    }

    private static String accountId(Map<String, String> query) {
        for (String key : new String[] {"a", "account_id"}) {
            String value = query.get(key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static boolean isInt64(String value) {
        if (!SIGNED_DECIMAL.matcher(value).matches()) {
            return false;
        }
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException tooBig) {
            return false;
        }
    }

    private static String withoutUserInfo(String authority) {
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private static String hostname(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? hostPort.substring(1) : hostPort.substring(1, close);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** First value of each key wins; pairs that cannot be decoded are skipped, as a browser would. */
    private static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(key, value);
            } catch (IllegalArgumentException badEscape) {
                // skip the pair
            }
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The pieces of a URL that matter here, split the way Go's URL parser splits them. */
    private record UrlParts(String scheme, String authority, String query) {

        static UrlParts of(String raw) {
            String rest = raw;
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            String scheme = "";
            var m = SCHEME.matcher(rest);
            if (m.find()) {
                scheme = m.group(1).toLowerCase(Locale.ROOT);
                rest = rest.substring(m.end());
            }
            String query = "";
            int question = rest.indexOf('?');
            if (question >= 0) {
                query = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
            String authority = "";
            if (rest.startsWith("//")) {
                authority = rest.substring(2);
                int slash = authority.indexOf('/');
                if (slash >= 0) {
                    authority = authority.substring(0, slash);
                }
                checkPort(raw, withoutUserInfo(authority));
            }
            return new UrlParts(scheme, authority, query);
        }

        private static void checkPort(String raw, String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            int close = hostPort.lastIndexOf(']');
            if (colon < 0 || colon < close) {
                return;
            }
            String port = hostPort.substring(colon);
            if (!PORT.matcher(port).matches()) {
                throw new ConfigException(
                        "parse " + ValueParser.goQuote(raw) + ": invalid port " + ValueParser.goQuote(port)
                                + " after host");
            }
        }
    }
}
