package dev.dbtok.http;

import dev.dbtok.Version;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code dbtok/<version> jvm/<version> os/<os> auth/<type>}; every value matches {@code [0-9A-Za-z_.+-]+}. */
final class UserAgent {
    private static final Pattern UNSAFE = Pattern.compile("[^0-9A-Za-z_.+-]");

    private UserAgent() {
    }

    static String of(String authType) {
        return of(Version.get(), System.getProperty("java.version", ""), System.getProperty("os.name", ""), authType);
    }

    static String of(String version, String javaVersion, String osName, String authType) {
        return "dbtok/" + sanitize(version)
                + " jvm/" + sanitize(jvmVersion(javaVersion))
                + " os/" + os(osName)
                + " auth/" + sanitize(authType);
    }

    /** {@code 1.8.0_392} → {@code 1.8.0}: up to the first {@code _}. */
    static String jvmVersion(String javaVersion) {
        int underscore = javaVersion.indexOf('_');
        return underscore < 0 ? javaVersion : javaVersion.substring(0, underscore);
    }

    static String os(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "darwin";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        return "unknown";
    }

    /** Every character outside {@code [0-9A-Za-z_.+-]} becomes {@code -}; an empty value becomes {@code unknown}. */
    static String sanitize(String value) {
        if (value == null || value.isEmpty()) {
            return "unknown";
        }
        return UNSAFE.matcher(value).replaceAll("-");
    }
}
