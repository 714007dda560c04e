package dev.dbtok.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's endpoints by method and path template; a {@code {name}} segment matches any one path segment and
 * is handed to the endpoint percent-decoded. The first matching route wins.
 */
final class Routes {
    /** One endpoint: a request in, a reply (or an {@link ApiError}) out. */
    interface Endpoint {
        Reply handle(Call call);
    }

    private record Route(String method, String[] segments, Endpoint endpoint) {
    }

    /** A matched endpoint and the path parameters it captured. */
    record Match(Endpoint endpoint, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    Routes add(String method, String template, Endpoint endpoint) {
        routes.add(new Route(method, template.substring(1).split("/", -1), endpoint));
        return this;
    }

    /** The endpoint for {@code method} and the raw (still encoded) {@code path}, or {@code ENDPOINT_NOT_FOUND}. */
    Match find(String method, String rawPath) {
        String[] segments = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[] {rawPath};
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().length != segments.length) {
                continue;
            }
            Map<String, String> params = match(route.segments(), segments);
            if (params != null) {
                return new Match(route.endpoint(), params);
            }
        }
        throw ApiError.noSuchEndpoint(method, rawPath);
    }

    private static Map<String, String> match(String[] template, String[] segments) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), PercentDecoding.decode(segments[i], false));
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }
}
