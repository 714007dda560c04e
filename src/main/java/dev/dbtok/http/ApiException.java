package dev.dbtok.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The workspace answered, but not with a 2xx (http.md §4): {@code status}, {@code errorCode} (may be null) and
 * the message the service gave. {@link #getMessage()} is the complete text printed after {@code Error: },
 * which for 401 and 403 includes the hint block once {@link #withAuthHints(AuthContext)} has been applied.
 */
public final class ApiException extends DatabricksException {
    private static final long serialVersionUID = 1L;

    /** Row 3: {@code CODE: message}. Only {@code \n} ends a line, as in Go, and the whole body must match. */
    private static final Pattern CODE_COLON_MESSAGE = Pattern.compile("([A-Z_]+): (.*)", Pattern.UNIX_LINES);
    /** Row 4: the first {@code <pre>…</pre>} on one line (greedy, as upstream). */
    private static final Pattern HTML_PRE = Pattern.compile("<pre>(.*)</pre>", Pattern.UNIX_LINES);
    /** A body that is an HTML page rather than text. */
    private static final Pattern HTML_PAGE = Pattern.compile("(?i)<(!doctype html|html|head|body|title)\\b");
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern HTML_H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Fields that upstream decodes as strings: any other JSON type makes row 2 fail as a whole. */
    private static final List<String> STRING_FIELDS = List.of("message", "error", "detail", "status", "scimType");

    private static final Map<String, String> AUTH_TYPE_NAMES = Map.of(
            "pat", "Personal Access Token (pat)",
            "basic", "Basic",
            "oauth-m2m", "OAuth Machine-to-Machine (oauth-m2m)");

    private final int status;
    private final String errorCode;
    private final String apiMessage;
    private final String retryAfter;

    private ApiException(int status, String errorCode, String apiMessage, String hints) {
        this(status, errorCode, apiMessage, null, hints == null ? apiMessage : apiMessage + hints);
    }

    private ApiException(int status, String errorCode, String apiMessage, String retryAfter, String message) {
        super(message, null);
        this.status = status;
        this.errorCode = errorCode;
        this.apiMessage = apiMessage;
        this.retryAfter = retryAfter;
    }

    /**
     * Parses a non-2xx response; the caller still owns (and closes) it. A 3xx becomes
     * {@code unexpected redirect (HTTP <code>) to <Location>}; anything else follows the table of http.md §4.
     */
    public static ApiException from(Response response) {
        int status = response.code();
        if (status >= 300 && status < 400) {
            String location = response.header("Location");
            String message = "unexpected redirect (HTTP " + status + ")" + (location == null ? "" : " to " + location);
            return new ApiException(status, null, message, null);
        }
        // Kept for the retry loop, which honours it on a 429 or 503 (http.md §6).
        String retryAfter = response.header("Retry-After");
        ApiException parsed;
        try {
            ResponseBody responseBody = response.body();
            parsed = parse(status, responseBody == null ? new byte[0] : responseBody.bytes());
        } catch (IOException e) {
            parsed = new ApiException(status, "IO_READ", TransportException.describe(e, response.request().url()), null);
        }
        return new ApiException(status, parsed.errorCode, parsed.apiMessage, retryAfter, parsed.getMessage());
    }

    /** The §4 table on a status and a raw body; the first matching row wins. */
    static ApiException parse(int status, byte[] rawBody) {
        if (rawBody.length == 0) {
            return new ApiException(status, null, fallbackMessage(status), null);
        }
        String body = new String(rawBody, StandardCharsets.UTF_8);
        ApiException json = fromJsonBody(status, body);
        if (json != null) {
            return json;
        }
        Matcher codeColon = CODE_COLON_MESSAGE.matcher(body);
        if (codeColon.matches()) {
            return new ApiException(status, codeColon.group(1), orStatusText(codeColon.group(2), status), null);
        }
        Matcher pre = HTML_PRE.matcher(body);
        if (pre.find()) {
            String text = StatusText.of(status);
            String code = text.isEmpty() ? "UNKNOWN" : trim(text, " .").toUpperCase(Locale.ROOT).replace(' ', '_');
            return new ApiException(status, code, orStatusText(trim(pre.group(1), " ."), status), null);
        }
        return new ApiException(status, "UNKNOWN", orStatusText(oneLine(body), status), null);
    }

    /**
     * Row 5 as one line (Clean: upstream prints the raw body). An HTML page (a proxy's error page) gives its title
     * or first heading; other text keeps its words, with line breaks turned into spaces.
     */
    private static String oneLine(String body) {
        String text = body.strip();
        if (text.startsWith("<") && HTML_PAGE.matcher(text).find()) {
            for (Pattern element : List.of(HTML_TITLE, HTML_H1)) {
                Matcher m = element.matcher(text);
                if (m.find()) {
                    String inner = collapse(unescape(TAG.matcher(m.group(1)).replaceAll(" ")));
                    if (!inner.isEmpty()) {
                        return inner;
                    }
                }
            }
            return "";
        }
        return collapseLines(text);
    }

    private static String collapseLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String unescape(String html) {
        return html.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static ApiException fromJsonBody(int status, String body) {
        JsonNode node;
        try {
            node = strictReader().readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (node == null || node.isMissingNode() || !(node.isObject() || node.isNull())) {
            return null;
        }
        for (String field : STRING_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                return null;
            }
        }
        JsonNode details = node.get("details");
        if (details != null && !details.isNull() && !details.isArray()) {
            return null;
        }
        String message = text(node, "message");
        String legacyError = text(node, "error");
        String scimDetail = text(node, "detail");
        String errorCode = errorCode(node.get("error_code"));
        if (!legacyError.isEmpty()) {
            message = legacyError;
        }
        if (message.isEmpty() && !scimDetail.isEmpty()) {
            String detail = "null".equals(scimDetail) ? "SCIM API Internal Error" : scimDetail;
            message = trim(text(node, "scimType") + " " + detail, " ");
            // Upstream takes the body's "status"; when a SCIM body has none, the HTTP status stands in.
            String scimStatus = text(node, "status");
            errorCode = "SCIM_" + (scimStatus.isEmpty() ? String.valueOf(status) : scimStatus);
        }
        return new ApiException(status, errorCode, orStatusText(message, status), null);
    }

    private static ObjectReader strictReader() {
        return Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String errorCode(JsonNode code) {
        if (code == null || code.isNull()) {
            return null;
        }
        String text = code.isValueNode() ? code.asText() : code.toString();
        return text.isEmpty() ? null : text;
    }

    /** Clean (http.md §4): an empty message falls back to the status text instead of a bare {@code Error: }. */
    private static String orStatusText(String message, int status) {
        return message.isEmpty() ? fallbackMessage(status) : message;
    }

    private static String fallbackMessage(int status) {
        String text = StatusText.of(status);
        return text.isEmpty() ? "HTTP " + status : text;
    }

    /** Strips any of {@code chars} from both ends, like Go's {@code strings.Trim}. */
    private static String trim(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * For 401 and 403, a copy whose message ends with the identity lines and next steps of http.md §5;
     * any other status returns this exception unchanged.
     */
    public ApiException withAuthHints(AuthContext context) {
        if (status != 401 && status != 403) {
            return this;
        }
        return new ApiException(status, errorCode, apiMessage, retryAfter, apiMessage + hintBlock(context));
    }

    /** A copy whose printed message ends with {@code note}, e.g. how many attempts were made. */
    ApiException withNote(String note) {
        return new ApiException(status, errorCode, apiMessage, retryAfter, getMessage() + note);
    }

    private String hintBlock(AuthContext context) {
        String profile = blankToNull(context.profile());
        String host = blankToNull(context.host());
        String authType = blankToNull(context.authType());
        StringBuilder b = new StringBuilder("\n");
        if (profile != null) {
            b.append("\nProfile:   ").append(profile);
        }
        if (host != null) {
            b.append("\nHost:      ").append(host);
        }
        if (authType != null) {
            b.append("\nAuth type: ").append(authTypeDisplayName(authType));
        }
        b.append("\n\nNext steps:");
        if (status == 401) {
            b.append("\n  - ").append(reauthenticateStep(authType, profile));
        } else {
            b.append("\n  - Verify you have the required permissions for this operation");
        }
        b.append("\n  - Check your identity: dbtok auth describe").append(profile == null ? "" : " --profile " + profile);
        if (profile == null) {
            b.append("\n  - Consider setting up a profile: add a [<name>] section to ~/.databrickscfg"
                    + " and pass --profile <name>");
        }
        return b.toString();
    }

    private static String reauthenticateStep(String authType, String profile) {
        String type = authType == null ? "" : authType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "pat" -> profile == null
                    ? "Regenerate your access token"
                    : "Regenerate your access token and update the token in profile " + profile;
            case "basic" -> "Check your username and password";
            case "oauth-m2m" -> "Check your service principal client ID and secret";
            default -> "Check your authentication credentials";
        };
    }

    /** {@code Personal Access Token (pat)}, {@code Basic}, {@code OAuth Machine-to-Machine (oauth-m2m)}, else the raw type. */
    static String authTypeDisplayName(String authType) {
        return AUTH_TYPE_NAMES.getOrDefault(authType.toLowerCase(Locale.ROOT), authType);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The service's error code ({@code RESOURCE_DOES_NOT_EXIST}, {@code SCIM_404}, {@code UNKNOWN}…), or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The service's message, without the 401/403 hint block. */
    public String apiMessage() {
        return apiMessage;
    }

    /** The {@code Retry-After} header of the response as sent (seconds or an HTTP date), or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** A 429, or an error code that means the same whatever the status ({@code RESOURCE_EXHAUSTED}, {@code REQUEST_LIMIT_EXCEEDED}). */
    public boolean isRateLimited() {
        return status == 429 || "RESOURCE_EXHAUSTED".equals(errorCode) || "REQUEST_LIMIT_EXCEEDED".equals(errorCode);
    }
}
