package dev.dbtok.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes one profile into a config file the way the official CLI's {@code configure} does, without losing
 * anything else: the file is edited as text, so every other section, comment and blank line stays as it
 * was, byte for byte. In the profile's section, keys of other credential kinds are removed, the new
 * values replace old ones in place or are added after the last key, and the section's keys are aligned
 * ({@code host  = ...}, {@code token = ...}). The first profile of a file also becomes
 * {@code [__settings__] default_profile}.
 *
 * <p>Before anything is written, the new text is parsed back and compared with the old one: the profile
 * must hold exactly the new values, every other section must be unchanged. The previous file is kept as
 * {@code <file>.bak}; both files are replaced atomically and are owner-only ({@link AtomicFile}).
 */
public final class ProfileWriter {

    /**
     * What a personal access token replaces: every credential key of the official CLI's other auth methods
     * (so that the profile cannot fail with "more than one authorization method configured"), plus the
     * settings that steer OAuth.
     */
    static final Set<String> CLEARED_FOR_PAT = Set.of(
            "metadata_service_url", "token", "username", "password", "google_service_account", "google_credentials",
            "azure_workspace_resource_id", "azure_use_msi", "azure_client_secret", "azure_client_id", "azure_tenant_id",
            "azure_login_app_id", "client_id", "client_secret", "databricks_id_token_filepath", "oidc_token_env",
            "auth_type", "scopes", "databricks_cli_path", "experimental_is_unified_host");

    static final String DEFAULT_COMMENT = "; The profile defined in the DEFAULT section is to be used as a fallback"
            + " when no profile is explicitly specified.";

    private final AtomicFile files;

    public ProfileWriter() {
        this(new AtomicFile());
    }

    ProfileWriter(AtomicFile files) {
        this.files = files;
    }

    /**
     * Saves {@code host} and {@code token} as profile {@code profile} of {@code path}.
     *
     * @throws ConfigException with a one-line message when the profile name is unusable, the existing file
     *     cannot be read or parsed, or a file cannot be written; the existing file is then unchanged
     */
    public void savePat(Path path, String profile, String host, String token) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("host", host);
        values.put("token", token);
        save(path, profile, values, CLEARED_FOR_PAT);
    }

    void save(Path path, String profile, Map<String, String> values, Set<String> cleared) {
        checkName(profile);
        String before = read(path);
        Map<String, Map<String, String>> parsedBefore = parse(path, before);
        boolean firstProfile = parsedBefore.entrySet().stream()
                .noneMatch(e -> !e.getKey().equals(ProfileChoice.SETTINGS_SECTION) && e.getValue().containsKey("host"));
        String after = edit(before, profile, values, cleared, firstProfile);
        verify(path, parsedBefore, after, profile, values, cleared, firstProfile);
        try {
            if (!before.isEmpty()) {
                files.write(backupOf(path), before.getBytes(StandardCharsets.UTF_8));
            }
            files.write(path, after.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot save profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /** {@code <file>.bak}, next to the file, as the official CLI names it. */
    public static Path backupOf(Path path) {
        return path.resolveSibling(path.getFileName() + ".bak");
    }

    /** The new text of the file (pure; exposed for tests). */
    static String edit(String before, String profile, Map<String, String> values, Set<String> cleared,
                       boolean setDefault) {
        IniText text = IniText.of(before.isBlank() ? newFile(profile) : before);
        text.setKeys(profile, values, cleared, before.isBlank());
        if (setDefault) {
            text.setKeys(ProfileChoice.SETTINGS_SECTION, Map.of("default_profile", profile), Set.of(), before.isBlank());
        }
        return text.toString();
    }

    /** What the official CLI writes into an empty file: a documented, empty {@code [DEFAULT]} first. */
    private static String newFile(String profile) {
        return profile.equals(ProfileChoice.DEFAULT_SECTION) ? "" : DEFAULT_COMMENT + "\n[DEFAULT]\n\n";
    }

    private static void checkName(String profile) {
        if (profile.equals(ProfileChoice.SETTINGS_SECTION)) {
            throw new ConfigException("profile name \"" + profile + "\" is reserved for internal use");
        }
        if (profile.isEmpty() || !profile.strip().equals(profile) || profile.chars().anyMatch(c -> c == '[' || c == ']'
                || c == '\n' || c == '\r' || c < 0x20) || profile.startsWith("#") || profile.startsWith(";")) {
            throw new ConfigException("invalid profile name \"" + profile + "\": use letters, digits, '-', '_' or '.'");
        }
    }

    private static String read(Path path) {
        if (Files.isDirectory(path)) {
            throw new ConfigException("cannot write " + path + ": it is a directory");
        }
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return "";
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + AtomicFile.reason(e), e);
        }
    }

    private static Map<String, Map<String, String>> parse(Path path, String text) {
        try {
            return IniReader.parse(text);
        } catch (IOException e) {
            throw new ConfigException("cannot update " + path + ": it cannot be parsed: " + e.getMessage(), e);
        }
    }

    /** The safety net: nothing but the intended keys may change, or nothing is written. */
    private static void verify(Path path, Map<String, Map<String, String>> before, String after, String profile,
                               Map<String, String> values, Set<String> cleared, boolean setDefault) {
        Map<String, Map<String, String>> parsed;
        try {
            parsed = IniReader.parse(after);
        } catch (IOException e) {
            throw notWritten(path, "the new text would not parse");
        }
        Map<String, Map<String, String>> expected = new HashMap<>();
        before.forEach((name, section) -> expected.put(name, new LinkedHashMap<>(section)));
        Map<String, String> target = expected.computeIfAbsent(profile, name -> new LinkedHashMap<>());
        target.keySet().removeAll(cleared);
        target.putAll(values);
        if (setDefault) {
            expected.computeIfAbsent(ProfileChoice.SETTINGS_SECTION, name -> new LinkedHashMap<>())
                    .put("default_profile", profile);
        }
        expected.values().removeIf(Map::isEmpty);
        Map<String, Map<String, String>> actual = new HashMap<>(parsed);
        actual.values().removeIf(Map::isEmpty);
        if (!Objects.equals(expected, actual)) {
            throw notWritten(path, "the edited text does not hold exactly the intended values");
        }
    }

    private static ConfigException notWritten(Path path, String why) {
        return new ConfigException("cannot update " + path + " safely (" + why + "); it was left unchanged");
    }

    /** The file as lines, with just enough INI structure to find and edit one section. */
    private static final class IniText {
        private final List<String> lines;
        private final String newline;
        private final String bom;

        private IniText(List<String> lines, String newline, String bom) {
            this.lines = lines;
            this.newline = newline;
            this.bom = bom;
        }

        static IniText of(String text) {
            String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
            String body = text.substring(bom.length());
            String newline = body.contains("\r\n") ? "\r\n" : "\n";
            List<String> lines = new ArrayList<>(List.of(body.split("\r\n|\r|\n", -1)));
            // A final newline leaves an empty last element; it is written back by toString.
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return new IniText(lines, newline, bom);
        }

        /**
         * Sets {@code values} in every occurrence of {@code section} (the first existing key is updated, later
         * duplicates dropped; missing keys go after the last key of the last occurrence), drops {@code cleared}
         * keys, and aligns the section's keys. A missing section is added: {@code DEFAULT} at the top, any other
         * at the end.
         */
        void setKeys(String section, Map<String, String> values, Set<String> cleared, boolean blankAfterSection) {
            List<int[]> ranges = ranges(section);
            if (ranges.isEmpty()) {
                addSection(section, values, blankAfterSection);
                return;
            }
            Map<String, Boolean> written = new HashMap<>();
            for (int[] range : ranges) {
                for (int i = range[0]; i < range[1]; i++) {
                    String key = key(lines.get(i));
                    if (key == null) {
                        continue;
                    }
                    if (values.containsKey(key) && written.putIfAbsent(key, true) == null) {
                        lines.set(i, key + " = " + format(key, values.get(key)));
                    } else if (values.containsKey(key) || cleared.contains(key)) {
                        lines.set(i, null);
                    }
                }
            }
            int[] last = ranges.get(ranges.size() - 1);
            int insertAt = last[0];
            for (int i = last[0]; i < last[1]; i++) {
                if (lines.get(i) != null && key(lines.get(i)) != null) {
                    insertAt = i + 1;
                }
            }
            List<String> added = new ArrayList<>();
            values.forEach((key, value) -> {
                if (!written.containsKey(key)) {
                    added.add(key + " = " + format(key, value));
                }
            });
            lines.addAll(insertAt, added);
            lines.removeIf(Objects::isNull);
            for (int[] range : ranges(section)) {
                align(range);
            }
        }

        private void addSection(String section, Map<String, String> values, boolean blankAfterSection) {
            List<String> block = new ArrayList<>();
            block.add("[" + section + "]");
            values.forEach((key, value) -> block.add(key + " = " + format(key, value)));
            if (section.equals(ProfileChoice.DEFAULT_SECTION)) {
                block.add("");
                lines.addAll(0, block);
                align(new int[] {1, values.size() + 1});
                return;
            }
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            int start = lines.size();
            lines.addAll(block);
            if (blankAfterSection) {
                lines.add("");
            }
            align(new int[] {start + 1, start + 1 + values.size()});
        }

        /**
         * Half-open line ranges of the section's bodies. {@code DEFAULT} also owns the keys before the first
         * section header, as the reader sees them.
         */
        private List<int[]> ranges(String section) {
            List<int[]> ranges = new ArrayList<>();
            String current = ProfileChoice.DEFAULT_SECTION;
            int start = 0;
            boolean preamble = true;
            for (int i = 0; i <= lines.size(); i++) {
                String header = i < lines.size() ? header(lines.get(i)) : "";
                if (header == null) {
                    continue;
                }
                boolean owns = current.equals(section) && (!preamble || hasKey(start, i));
                if (owns) {
                    ranges.add(new int[] {start, i});
                }
                current = header;
                start = i + 1;
                preamble = false;
            }
            return ranges;
        }

        private boolean hasKey(int from, int to) {
            for (int i = from; i < to; i++) {
                if (key(lines.get(i)) != null) {
                    return true;
                }
            }
            return false;
        }

        /** Pads every {@code key = value} line of a range to the longest key, as the official CLI writes them. */
        private void align(int[] range) {
            int width = 0;
            for (int i = range[0]; i < range[1]; i++) {
                String key = delimitedKey(lines.get(i));
                if (key != null) {
                    width = Math.max(width, key.length());
                }
            }
            for (int i = range[0]; i < range[1]; i++) {
                String line = lines.get(i);
                String key = delimitedKey(line);
                if (key != null) {
                    String value = line.substring(delimiter(line) + 1).strip();
                    lines.set(i, key + " ".repeat(width - key.length()) + " = " + value);
                }
            }
        }

        /** The section name of a header line ({@code [name]}, trailing comment allowed), else {@code null}. */
        private static String header(String line) {
            String trimmed = line.strip();
            int close = trimmed.lastIndexOf(']');
            return trimmed.startsWith("[") && close > 0 ? trimmed.substring(1, close).strip() : null;
        }

        /** The key of a key line (with or without a value), else {@code null} (blank, comment, header). */
        private static String key(String line) {
            if (line == null) {
                return null;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";") || header(line) != null) {
                return null;
            }
            int delimiter = delimiter(trimmed);
            return delimiter < 0 ? trimmed : trimmed.substring(0, delimiter).strip();
        }

        /** The key of a {@code key = value} or {@code key: value} line; lines without a delimiter are left alone. */
        private static String delimitedKey(String line) {
            String key = key(line);
            return key != null && delimiter(line) >= 0 ? key : null;
        }

        private static int delimiter(String line) {
            int equals = line.indexOf('=');
            int colon = line.indexOf(':');
            if (equals < 0) {
                return colon;
            }
            return colon < 0 ? equals : Math.min(equals, colon);
        }

        /** The value as written to the file; it must read back unchanged. */
        private static String format(String key, String value) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new ConfigException("cannot write " + key + ": the value spans several lines");
            }
            for (String candidate : List.of(value, "\"" + value + "\"", "'" + value + "'")) {
                if (IniReader.cleanValue(candidate).equals(value)) {
                    return candidate;
                }
            }
            throw new ConfigException("cannot write " + key + ": the value contains \" #\" or \" ;\", which the"
                    + " config file would read as a comment");
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(bom);
            for (String line : lines) {
                out.append(line).append(newline);
            }
            return out.toString();
        }
    }
}
