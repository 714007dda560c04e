package dev.dbtok;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** dbtok's own version, stamped into {@code version.properties} by the Maven build. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "0.0.0-dev";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "0.0.0-dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
