package dev.dbtok.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * Every request: read the body, authenticate the bearer token, route, and answer with JSON, or with the error body
 * and status a workspace would send. Each handled request is reported to the access log (without any secret).
 */
final class EmulatorHandler implements HttpHandler {
    /** Bigger bodies are refused; no request dbtok makes comes close. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Workspace workspace;
    private final Routes routes;
    private final Consumer<String> accessLog;

    EmulatorHandler(Workspace workspace, Consumer<String> accessLog) {
        this.workspace = workspace;
        this.routes = Endpoints.all(workspace);
        this.accessLog = accessLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String who = "-";
            Reply reply;
            try {
                byte[] body = readBody(exchange.getRequestBody());
                Account caller = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
                who = caller.userName();
                Routes.Match match = routes.find(method, rawPath);
                reply = match.endpoint().handle(new Call(caller, match.params(), rawQuery, body));
            } catch (ApiError e) {
                reply = new Reply(e.status(), e.body());
            } catch (RuntimeException e) {
                // A bug in the emulator, not a workspace behaviour: say so rather than hang up.
                reply = new Reply(500, new ApiError.ErrorBody("INTERNAL_ERROR", "dbtok emulator: " + e));
            }
            send(exchange, reply);
            accessLog.accept(method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + " -> " + reply.status()
                    + " (" + who + ")");
        }
    }

    private Account authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.notAuthenticated();
        }
        String value = authorization.substring(7).trim();
        if (value.isEmpty()) {
            throw ApiError.notAuthenticated();
        }
        return workspace.authenticate(value);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw ApiError.malformedRequest("Request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = Json.mapper().writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
