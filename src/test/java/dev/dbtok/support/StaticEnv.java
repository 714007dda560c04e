package dev.dbtok.support;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the environment map handed to the config resolver. {@code HOME} always points at a test
 * directory, so no test can ever read the developer's real {@code ~/.databrickscfg}.
 */
public final class StaticEnv {

    private final Path home;
    private final Map<String, String> vars = new LinkedHashMap<>();

    private StaticEnv(Path home) {
        this.home = home;
        vars.put("HOME", home.toString());
    }

    /** HOME is {@code src/test/resources/profiles/<scenario>}, whose {@code .databrickscfg} is the fixture. */
    public static StaticEnv fixture(String scenario) {
        return new StaticEnv(profilesDir(scenario));
    }

    /** HOME is the given directory, typically a {@code @TempDir} (empty: no config file). */
    public static StaticEnv home(Path dir) {
        return new StaticEnv(dir);
    }

    public StaticEnv with(String name, String value) {
        vars.put(name, value);
        return this;
    }

    public Map<String, String> build() {
        return Map.copyOf(vars);
    }

    /** The path the resolver will show in messages for the default config file. */
    public String configPath() {
        return home.resolve(".databrickscfg").toString();
    }

    public static Path profilesDir(String scenario) {
        URL url = StaticEnv.class.getResource("/profiles/" + scenario + "/.databrickscfg");
        if (url == null) {
            throw new IllegalArgumentException("no fixture profiles/" + scenario + "/.databrickscfg");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
