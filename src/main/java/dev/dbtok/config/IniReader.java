package dev.dbtok.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.ini4j.Profile;

/**
 * Reads {@code .databrickscfg} with ini4j so that values come out as the official CLI reads them.
 *
 * <p>ini4j does the sectioning; three small steps around it close the gaps:
 * <ol>
 *   <li>Before: the file is decoded by us (so a UTF-8 BOM can be dropped) and a section header
 *       followed by a comment ({@code [p] # work}) is cut after its {@code ]}, which ini4j would
 *       otherwise reject.</li>
 *   <li>ini4j itself: escapes off (Windows paths stay literal), a trailing {@code \} is data rather
 *       than a line continuation, keys before any section go to {@code DEFAULT}, a line without
 *       {@code =} or {@code :} is a key with an empty value, no {@code <include>}.</li>
 *   <li>After: each value loses its inline comment (from the first {@code " #"}, else the first
 *       {@code " ;"}), is trimmed, and loses one pair of surrounding quotes.</li>
 * </ol>
 *
 * <p>Values are read with {@code Section.get(key)} only. ini4j's {@code fetch()} expands
 * {@code ${...}} recursively (CVE-2022-41404), so it is never called.
 */
public final class IniReader {

    /** ini4j's parse error ends with the offending line, which may hold a secret. */
    private static final Pattern INI4J_PARSE_ERROR = Pattern.compile("^(parse error \\(at line: \\d+\\)): (.*)$",
            Pattern.DOTALL);

    private IniReader() {
    }

    /**
     * @return the parsed file, or empty when there is no file at {@code path}
     * @throws IOException with a one-line detail naming the path when the file exists but cannot be
     *     read, or cannot be parsed
     */
    public static Optional<ConfigFile> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("read " + path + ": is a directory");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (FileSystemException unreadable) {
            throw unreadable(path, unreadable);
        } catch (IOException other) {
            throw new IOException("read " + path + ": " + other.getMessage(), other);
        }
        return Optional.of(new ConfigFile(path, parse(text)));
    }

    /** One line naming the path, worded like the official CLI ({@code open <path>: permission denied}). */
    static IOException unreadable(Path path, FileSystemException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e.getReason() == null ? "cannot be read" : e.getReason().toLowerCase(Locale.ROOT);
        return new IOException("open " + path + ": " + reason, e);
    }

    /** Parses file content; exposed for tests of the INI rules. */
    static Map<String, Map<String, String>> parse(String text) throws IOException {
        Ini ini = new Ini();
        ini.setConfig(ini4jConfig());
        try {
            ini.load(new StringReader(preprocess(text)));
        } catch (InvalidFileFormatException e) {
            throw new IOException(withoutSecrets(e.getMessage()), e);
        }
        // File order matters to whoever lists the sections (auth profiles, profile matching by host).
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (String name : ini.keySet()) {
            Profile.Section section = ini.get(name);
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : section.keySet()) {
                values.put(key, cleanValue(section.get(key)));
            }
            sections.put(name, values);
        }
        return sections;
    }

    private static Config ini4jConfig() {
        Config config = new Config();
        config.setEscape(false);
        config.setGlobalSection(true);
        config.setGlobalSectionName("DEFAULT");
        config.setEmptyOption(true);
        // Both default from system properties; pin them so nothing outside can change parsing.
        config.setEscapeNewline(false);
        config.setInclude(false);
        return config;
    }

    /** Drops a UTF-8 BOM and cuts whatever follows the {@code ]} of a section header. */
    static String preprocess(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r\n|\r|\n", -1);
        StringBuilder out = new StringBuilder(body.length());
        for (String line : lines) {
            String trimmed = line.strip();
            int close = trimmed.lastIndexOf(']');
            if (trimmed.startsWith("[") && close > 0) {
                line = trimmed.substring(0, close + 1);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Inline comment, trim, one pair of quotes: in that order, as the official CLI does. */
    static String cleanValue(String raw) {
        if (raw == null) {
            return "";
        }
        String value = raw;
        int comment = value.indexOf(" #");
        if (comment < 0) {
            comment = value.indexOf(" ;");
        }
        if (comment >= 0) {
            value = value.substring(0, comment);
        }
        value = value.strip();
        return hasSurroundingQuotes(value, '"') || hasSurroundingQuotes(value, '\'')
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Starts and ends with {@code quote}, and holds no other one. */
    private static boolean hasSurroundingQuotes(String value, char quote) {
        return value.length() >= 2 && value.charAt(0) == quote && value.charAt(value.length() - 1) == quote
                && value.indexOf(quote, 1) == value.length() - 1;
    }

    /** Keeps the line number; keeps the line itself only for section headers, which hold no secrets. */
    private static String withoutSecrets(String message) {
        if (message == null) {
            return "parse error";
        }
        Matcher m = INI4J_PARSE_ERROR.matcher(message);
        if (!m.matches()) {
            return message;
        }
        return m.group(2).strip().startsWith("[") ? message : m.group(1);
    }
}
