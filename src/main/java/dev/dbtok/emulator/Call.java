package dev.dbtok.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One authenticated request, as an endpoint sees it: the caller, path parameters, query and JSON body. */
final class Call {
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final Account caller;
    private final Map<String, String> params;
    private final Map<String, String> query;
    private final byte[] body;

    Call(Account caller, Map<String, String> params, String rawQuery, byte[] body) {
        this.caller = caller;
        this.params = params;
        this.query = parseQuery(rawQuery);
        this.body = body;
    }

    Account caller() {
        return caller;
    }

    String param(String name) {
        return params.get(name);
    }

    /** The first value of a query parameter, or null. */
    String query(String name) {
        return query.get(name);
    }

    /** The body decoded into {@code type}; an empty body reads as {@code {}}, as workspaces read it. */
    <T> T body(Class<T> type) {
        try {
            T value = Json.mapper().readValue(isBlank() ? EMPTY_OBJECT : body, type);
            return value != null ? value : Json.mapper().readValue("{}", type);
        } catch (JsonProcessingException e) {
            throw ApiError.malformedRequest("Invalid JSON given in the body of the request - " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object; anything else is {@code MALFORMED_REQUEST}. */
    JsonNode bodyObject() {
        JsonNode node;
        try {
            node = Json.mapper().readTree(isBlank() ? EMPTY_OBJECT : body);
        } catch (JsonProcessingException e) {
            throw ApiError.malformedRequest("Invalid JSON given in the body of the request - " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw ApiError.malformedRequest("Invalid JSON given in the body of the request - expected a map");
        }
        return node;
    }

    private boolean isBlank() {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = PercentDecoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : PercentDecoding.decode(pair.substring(eq + 1), true);
            query.putIfAbsent(name, value);
        }
        return query;
    }
}
