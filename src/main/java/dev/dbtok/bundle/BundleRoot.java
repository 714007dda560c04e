package dev.dbtok.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the bundle configuration file the official CLI would use: the directory named by
 * {@code DATABRICKS_BUNDLE_ROOT}, else the nearest directory, from the working directory up, that
 * holds one of the bundle file names (each name is searched all the way up before the next one).
 */
final class BundleRoot {
    static final String ROOT_VARIABLE = "DATABRICKS_BUNDLE_ROOT";
    static final List<String> FILE_NAMES = List.of("databricks.yml", "databricks.yaml", "bundle.yml", "bundle.yaml");

    private BundleRoot() {
    }

    /** The bundle's root configuration file, or empty when the working directory is not in a bundle. */
    static Optional<Path> find(Path workingDir, Map<String, String> env) {
        String configured = env.get(ROOT_VARIABLE);
        if (configured != null && !configured.isEmpty()) {
            return Optional.of(fromVariable(workingDir, configured));
        }
        Path start = workingDir.toAbsolutePath().normalize();
        for (String name : FILE_NAMES) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    return Optional.of(onlyFileIn(dir));
                }
            }
        }
        return Optional.empty();
    }

    private static Path fromVariable(Path workingDir, String configured) {
        Path dir = workingDir.resolve(configured);
        String prefix = "Invalid bundle root " + ROOT_VARIABLE + "=\"" + configured + "\": ";
        if (!Files.exists(dir)) {
            throw new BundleException(prefix + "stat " + configured + ": no such file or directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new BundleException(prefix + "not a directory");
        }
        if (FILE_NAMES.stream().noneMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
            throw new BundleException(prefix + "no " + FILE_NAMES.get(0) + " (or " + String.join(", ",
                    FILE_NAMES.subList(1, FILE_NAMES.size())) + ") in it");
        }
        return onlyFileIn(dir);
    }

    private static Path onlyFileIn(Path dir) {
        List<Path> found = new ArrayList<>();
        for (String name : FILE_NAMES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                found.add(dir.resolve(name));
            }
        }
        if (found.size() > 1) {
            throw new BundleException("multiple bundle root configuration files found in " + dir);
        }
        return found.get(0);
    }
}
