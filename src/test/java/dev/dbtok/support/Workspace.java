package dev.dbtok.support;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test fixtures for a workspace served by WireMock: a config file pointing at it, and common values. */
public final class Workspace {
    public static final String PAT = "dapi0123456789abcdef0123456789abcdef";
    public static final String TOKEN_ID = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";

    private Workspace() {
    }

    /** Writes {@code ~/.databrickscfg} with a DEFAULT profile for the WireMock server. */
    public static Dbtok defaultProfile(Path home, WireMockRuntimeInfo wm) {
        writeConfig(home, "[DEFAULT]\nhost = " + wm.getHttpBaseUrl() + "\ntoken = " + PAT + "\n");
        return Dbtok.inHome(home);
    }

    /** Writes {@code ~/.databrickscfg} owner-only, as a careful user keeps it (no permission warning). */
    public static void writeConfig(Path home, String text) {
        writePrivate(home.resolve(".databrickscfg"), text);
    }

    /** Writes {@code file} with mode 0600 where the file system has POSIX modes. */
    public static void writePrivate(Path file, String text) {
        try {
            Files.writeString(file, text);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
