package dev.dbtok.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A parsed {@code .databrickscfg}: section name to (key to cleaned value). Keys before any section
 * are in {@code DEFAULT}. A key written without a value maps to {@code ""}. Sections keep the
 * order in which they first appear in the file.
 */
public record ConfigFile(Path path, Map<String, Map<String, String>> sections) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /**
     * Every section name, {@code DEFAULT} first (where the official CLI's INI library always puts it),
     * then in file order. Empty sections are included.
     */
    public List<String> sectionNames() {
        List<String> names = new ArrayList<>(sections.size());
        if (sections.containsKey(ProfileChoice.DEFAULT_SECTION)) {
            names.add(ProfileChoice.DEFAULT_SECTION);
        }
        for (String name : sections.keySet()) {
            if (!name.equals(ProfileChoice.DEFAULT_SECTION)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The section's keys and values; an empty map when the section is missing or has no keys. */
    public Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    /**
     * {@code [__settings__] default_profile}, trimmed; empty when unset or when it names the settings
     * section itself (which is ignored rather than an error).
     */
    public Optional<String> defaultProfileSetting() {
        String configured = section(ProfileChoice.SETTINGS_SECTION).getOrDefault("default_profile", "").strip();
        return configured.isEmpty() || configured.equals(ProfileChoice.SETTINGS_SECTION)
                ? Optional.empty() : Optional.of(configured);
    }

    /** Section names only: the values hold tokens and passwords. */
    @Override
    public String toString() {
        return "ConfigFile[path=" + path + ", sections=" + new TreeSet<>(sections.keySet()) + "]";
    }
}
