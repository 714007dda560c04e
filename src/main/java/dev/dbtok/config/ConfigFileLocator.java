package dev.dbtok.config;

import java.nio.file.Path;
import java.util.Map;

/** Finds the config file: {@code DATABRICKS_CONFIG_FILE}, else {@code ~/.databrickscfg}. */
public final class ConfigFileLocator {

    static final String DEFAULT_PATH = "~/.databrickscfg";

    private ConfigFileLocator() {
    }

    /** The expanded path of the config file for {@code env}; it may not exist. */
    public static Path locate(Map<String, String> env) {
        String configured = env.get("DATABRICKS_CONFIG_FILE");
        return Path.of(expandHome(configured == null || configured.isEmpty() ? DEFAULT_PATH : configured, env));
    }

    /**
     * Replaces a leading {@code ~} with the home directory, like the official CLI: plain string
     * replacement, so {@code ~x} becomes {@code <home>x}. HOME comes from the given environment;
     * only when it is missing does the JVM's idea of home count.
     */
    static String expandHome(String path, Map<String, String> env) {
        if (!path.startsWith("~")) {
            return path;
        }
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return home + path.substring(1);
    }
}
