package dev.dbtok.http;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogLevel;
import dev.dbtok.output.Redactor;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Logs every attempt at debug level as one message (output.md §5): the request line, the request headers (with
 * {@code debug_headers} only), the request body with {@code > } prefixes, the status line, the response headers and
 * the response body with {@code < } prefixes; {@code < Error: <cause>} when no response came. Bodies and headers go
 * through the {@link Redactor}: credentials never appear, {@code Authorization} included.
 *
 * <p>It runs after authentication, once per attempt. The response body is read here to be shown, and handed on
 * as a fresh body with the same bytes.
 */
public final class HttpDump implements Interceptor {
    private final Log log;
    private final boolean headers;
    private final Redactor redactor;

    public HttpDump(Log log, boolean headers, int truncateBytes) {
        this.log = log;
        this.headers = headers;
        this.redactor = new Redactor(truncateBytes);
    }

    /** The dump for {@code config}'s {@code debug_headers} and {@code debug_truncate_bytes}. */
    public static HttpDump of(Log log, ResolvedConfig config) {
        return new HttpDump(log, config.debugHeaders(), config.debugTruncateBytes());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.enabled(LogLevel.DEBUG)) {
            return chain.proceed(request);
        }
        List<String> lines = new ArrayList<>();
        appendRequest(lines, request);
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            lines.add("< Error: " + TransportException.describe(e, request.url()));
            emit(lines);
            throw e;
        }
        byte[] body;
        try {
            ResponseBody responseBody = response.body();
            body = responseBody == null ? new byte[0] : responseBody.bytes();
        } catch (IOException e) {
            // Only here is the failure shown on the status line: a body, had it come, would have explained itself.
            lines.add("< " + statusLine(response) + " (Error: " + TransportException.describe(e, request.url()) + ")");
            appendHeaders(lines, "< ", response.headers());
            emit(lines);
            response.close();
            throw e;
        }
        lines.add("< " + statusLine(response));
        appendHeaders(lines, "< ", response.headers());
        appendBody(lines, "< ", body);
        emit(lines);
        MediaType type = response.body() == null ? null : response.body().contentType();
        return response.newBuilder().body(ResponseBody.create(body, type)).build();
    }

    private void appendRequest(List<String> lines, Request request) throws IOException {
        lines.add(request.method() + " " + target(request.url()));
        if (headers) {
            lines.add("> * Host: " + Redactor.oneLine(hostHeader(request.url())));
            Headers requestHeaders = request.headers();
            RequestBody body = request.body();
            if (body != null && body.contentType() != null && request.header("Content-Type") == null) {
                // OkHttp adds it on the wire from the body; the official CLI sets it on the request itself.
                requestHeaders = requestHeaders.newBuilder().add("Content-Type", body.contentType().toString()).build();
            }
            appendHeaders(lines, "> ", requestHeaders);
        }
        appendBody(lines, "> ", requestBody(request));
    }

    /** {@code /path?query}, the path and query decoded as the official CLI prints them, on one line. */
    static String target(HttpUrl url) {
        StringBuilder b = new StringBuilder();
        for (String segment : url.pathSegments()) {
            b.append('/').append(segment);
        }
        String query = url.encodedQuery();
        if (query != null && !query.isEmpty()) {
            b.append('?').append(decodeQuery(query));
        }
        return Redactor.oneLine(b.toString());
    }

    private static String decodeQuery(String query) {
        try {
            return URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Go prints nothing after the "?" when the query does not decode.
            return "";
        }
    }

    /** Go's {@code Request.Host}: the host, with the port only when it is not the scheme's default. */
    private static String hostHeader(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
    }

    /** {@code HTTP/1.1 200 OK}; OkHttp's {@code h2} is Go's {@code HTTP/2.0}. */
    private static String statusLine(Response response) {
        String text = StatusText.of(response.code());
        return protocol(response.protocol()) + " " + response.code() + (text.isEmpty() ? "" : " " + text);
    }

    private static String protocol(Protocol protocol) {
        return switch (protocol) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> "HTTP/2.0";
            default -> protocol.toString().toUpperCase(Locale.ROOT);
        };
    }

    /** {@code <prefix>* Name: value} per header, sorted, with canonical names; nothing without debug headers. */
    private void appendHeaders(List<String> lines, String prefix, Headers all) {
        if (!headers) {
            return;
        }
        Map<String, List<String>> byName = new TreeMap<>();
        for (String name : all.names()) {
            byName.put(canonical(name), all.values(name));
        }
        for (Map.Entry<String, List<String>> header : byName.entrySet()) {
            lines.add(prefix + "* " + Redactor.oneLine(header.getKey()) + ": "
                    + redactor.header(header.getKey(), header.getValue()));
        }
    }

    private void appendBody(List<String> lines, String prefix, byte[] body) {
        for (String line : redactor.body(body)) {
            lines.add(prefix + line);
        }
    }

    /** Go's canonical header form: {@code x-databricks-workspace-id} is {@code X-Databricks-Workspace-Id}. */
    static String canonical(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return b.toString();
    }

    private static byte[] requestBody(Request request) throws IOException {
        RequestBody body = request.body();
        if (body == null || body.isOneShot()) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    private void emit(List<String> lines) {
        log.debug(String.join("\n", lines), "sdk", true);
    }
}
