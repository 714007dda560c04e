package dev.dbtok.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A parsed {@code .databrickscfg}: section name to (key to cleaned value). Keys before any section
 * are in {@code DEFAULT}. A key written without a value maps to {@code ""}.
 */
public record ConfigFile(Path path, Map<String, Map<String, String>> sections) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        sections = Map.copyOf(sections);
    }

    /** The section's keys and values; an empty map when the section is missing or has no keys. */
    public Map<String, String> section(String name) {
        return sections.getOrDefault(name, Map.of());
    }

    /** Section names only: the values hold tokens and passwords. */
    @Override
    public String toString() {
        return "ConfigFile[path=" + path + ", sections=" + new TreeSet<>(sections.keySet()) + "]";
    }
}
