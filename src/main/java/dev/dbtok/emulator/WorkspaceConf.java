package dev.dbtok.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbtok.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The workspace settings behind {@code /api/2.0/workspace-conf}: a fixed set of known keys (a null value means "not
 * set"), of which the emulator enforces the two token ones. Unknown keys are refused with {@code Invalid keys: [...]}.
 */
final class WorkspaceConf {
    static final String ENABLE_TOKENS = "enableTokensConfig";
    static final String MAX_TOKEN_LIFETIME_DAYS = "maxTokenLifetimeDays";

    /** Settings workspaces commonly expose besides the token ones; accepted and stored, not enforced. */
    private static final List<String> OTHER_KNOWN_KEYS = List.of(
            "enableIpAccessLists",
            "enableDeprecatedGlobalInitScripts",
            "enableDbfsFileBrowser",
            "enableExportNotebook",
            "enableNotebookTableClipboard",
            "enableResultsDownloading",
            "enableVerboseAuditLogs",
            "enableWebTerminal",
            "enforceUserIsolation",
            "storeInteractiveNotebookResultsInCustomerAccount");

    private final Map<String, String> values = new LinkedHashMap<>();

    WorkspaceConf() {
        values.put(ENABLE_TOKENS, "true");
        values.put(MAX_TOKEN_LIFETIME_DAYS, null);
        OTHER_KNOWN_KEYS.forEach(key -> values.put(key, null));
    }

    /** {@code GET ?keys=a,b}: each key's value, null when not set. */
    Map<String, String> get(String keys) {
        List<String> wanted = keys == null || keys.isEmpty() ? List.of() : List.of(keys.split(",", -1));
        if (wanted.isEmpty()) {
            throw ApiError.invalidParameter("Missing required parameter: keys");
        }
        requireKnown(wanted);
        Map<String, String> result = new LinkedHashMap<>();
        wanted.forEach(key -> result.put(key, values.get(key)));
        return result;
    }

    /** {@code PATCH}: all or nothing, so one bad key or value changes no setting. */
    void set(Map<String, String> changes) {
        requireKnown(new ArrayList<>(changes.keySet()));
        Map<String, String> normalized = new LinkedHashMap<>();
        changes.forEach((key, value) -> normalized.put(key, normalize(key, value)));
        values.putAll(normalized);
    }

    /** A seed file may add keys of its own, so that scripts reading other settings can be tested too. */
    void define(String key, String value) {
        values.put(key, normalize(key, value));
    }

    boolean tokensEnabled() {
        return !"false".equals(values.get(ENABLE_TOKENS));
    }

    /** The cap on new tokens' lifetime in days, or 0 for none (unset, empty or {@code "0"}). */
    long maxTokenLifetimeDays() {
        String days = values.get(MAX_TOKEN_LIFETIME_DAYS);
        return days == null || days.isEmpty() ? 0 : Long.parseLong(days);
    }

    private void requireKnown(List<String> keys) {
        List<String> invalid = new ArrayList<>();
        for (String key : keys) {
            if (!values.containsKey(key) && !invalid.contains(key)) {
                invalid.add(key);
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiError.invalidParameter("Invalid keys: " + jsonArray(invalid));
        }
    }

    private static String normalize(String key, String value) {
        if (value == null) {
            return null;
        }
        switch (key) {
            case ENABLE_TOKENS -> {
                String bool = value.toLowerCase(Locale.ROOT);
                if (!bool.equals("true") && !bool.equals("false")) {
                    throw ApiError.invalidParameter("Invalid value \"" + value + "\" for " + key
                            + ": expected \"true\" or \"false\"");
                }
                return bool;
            }
            case MAX_TOKEN_LIFETIME_DAYS -> {
                if (!value.isEmpty() && !isDays(value)) {
                    throw ApiError.invalidParameter("Invalid value \"" + value + "\" for " + key
                            + ": expected a whole number of days (0 or empty removes the limit)");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    /** Up to nine digits: any real cap, and small enough that no expiry time overflows. */
    private static boolean isDays(String value) {
        return value.matches("[0-9]{1,9}");
    }

    private static String jsonArray(List<String> keys) {
        try {
            return Json.mapper().writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
