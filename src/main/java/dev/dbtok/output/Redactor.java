package dev.dbtok.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What may be shown of a body or a header in the HTTP dump (output.md §5), and how much of it.
 *
 * <ul>
 *   <li>JSON bodies are re-printed with sorted keys and a 2-space indent. The values of {@link #SECRET_KEYS} become
 *       {@code "**REDACTED**"} at any depth, whatever their type. Strings keep {@code truncateBytes} bytes plus
 *       {@code ... (N more bytes)}; arrays keep their first element, then more while a 1024-byte budget lasts,
 *       then {@code "... (N additional elements)"}.</li>
 *   <li>Other bodies are cut to {@code truncateBytes} and split into lines, {@code \r} stripped.</li>
 *   <li>Credential headers ({@code Authorization}, cookies, anything naming a token, secret, password or key) are
 *       always {@code REDACTED}, even with debug headers on; the official CLI prints {@code Authorization} in
 *       clear there. Other values are cut like strings, CR and LF removed.</li>
 * </ul>
 */
public final class Redactor {
    /** The official CLI's list, plus {@code client_secret}. */
    public static final Set<String> SECRET_KEYS = Set.of(
            "string_value", "token_value", "content", "access_token", "refresh_token", "id_token", "token", "password",
            "client_secret");
    public static final String REDACTED_VALUE = "**REDACTED**";
    public static final String REDACTED_HEADER = "REDACTED";
    public static final int DEFAULT_TRUNCATE_BYTES = 96;
    private static final int ARRAY_BUDGET_BYTES = 1024;
    private static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-databricks-azure-sp-management-token", "x-databricks-gcp-sa-access-token");
    private static final List<String> CREDENTIAL_WORDS = List.of("token", "secret", "password", "api-key", "apikey");

    private final int truncateBytes;

    /** @param truncateBytes {@code debug_truncate_bytes}; 0 or less means the default, 96 */
    public Redactor(int truncateBytes) {
        this.truncateBytes = truncateBytes > 0 ? truncateBytes : DEFAULT_TRUNCATE_BYTES;
    }

    /** The lines to show for a body (without prefix); none for an empty body. */
    public List<String> body(byte[] body) {
        if (body.length == 0) {
            return List.of();
        }
        JsonNode tree = parse(body);
        if (tree == null) {
            List<String> lines = new ArrayList<>();
            for (String line : truncate(new String(body, StandardCharsets.UTF_8)).split("\n", -1)) {
                lines.add(stripCarriageReturns(line));
            }
            return lines;
        }
        String json = JsonOutput.toJson(redact(tree, Math.max(ARRAY_BUDGET_BYTES, truncateBytes)));
        return List.of(json.substring(0, json.length() - 1).split("\n", -1));
    }

    /** The value to show for a header: {@code REDACTED} for credentials, else the values joined, cut and on one line. */
    public String header(String name, List<String> values) {
        if (isCredentialHeader(name)) {
            return REDACTED_HEADER;
        }
        return oneLine(truncate(String.join("", values)));
    }

    /** Whether a header carries credentials, whatever the debug settings. */
    public static boolean isCredentialHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CREDENTIAL_HEADERS.contains(lower) || lower.contains("auth")) {
            return true;
        }
        for (String word : CREDENTIAL_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** CR and LF removed, so a logged path or header can never forge a log line. */
    public static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\n", "").replace("\r", "");
    }

    /**
     * {@code s} if it fits in {@code truncateBytes} bytes of UTF-8, else its longest prefix that does (never
     * splitting a character) followed by {@code ... (N more bytes)}.
     */
    public String truncate(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= truncateBytes) {
            return s;
        }
        int cut = truncateBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + "... (" + (bytes.length - cut) + " more bytes)";
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode tree = Holder.READER.readTree(body);
            return tree == null || tree.isMissingNode() ? null : tree;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The redacted copy of {@code node}. {@code budget} only limits arrays; it shrinks by the compact size of
     * every value already kept at the same level, as the official CLI counts it.
     */
    private JsonNode redact(JsonNode node, int budget) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                sorted.put(field.getKey(), field.getValue());
            }
            ObjectNode copy = nodes.objectNode();
            int left = budget;
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                JsonNode value = SECRET_KEYS.contains(field.getKey())
                        ? nodes.textNode(REDACTED_VALUE)
                        : redact(field.getValue(), left);
                copy.set(field.getKey(), value);
                left -= compactSize(value);
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            int left = budget;
            for (int i = 0; i < node.size(); i++) {
                if (i > 0 && left <= 0) {
                    copy.add("... (" + (node.size() - copy.size()) + " additional elements)");
                    break;
                }
                JsonNode value = redact(node.get(i), left);
                copy.add(value);
                left -= compactSize(value);
            }
            return copy;
        }
        if (node.isTextual()) {
            return nodes.textNode(truncate(node.textValue()));
        }
        return node;
    }

    private static int compactSize(JsonNode node) {
        try {
            return Holder.COMPACT.writeValueAsBytes(node).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripCarriageReturns(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\r') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(start, end);
    }

    /** Loaded only when a body is dumped, that is at debug level. */
    private static final class Holder {
        static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        static final ObjectWriter COMPACT = Json.mapper().writer().with(GoJsonEscapes.INSTANCE);
    }
}
