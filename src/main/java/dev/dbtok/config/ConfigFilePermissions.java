package dev.dbtok.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a config file exposes credentials to other users, as {@code ssh} checks private key files.
 *
 * <p>Like ssh, which only insists on owner-only modes for files holding secrets (a private key, not a
 * {@code known_hosts} file), dbtok only warns when the file holds a secret ({@code token},
 * {@code password} or {@code client_secret}, in any section) and its mode lets the group or others
 * read it. A file of hosts and profile names alone may be shared. The file is only parsed when its
 * mode is open, so the usual {@code 0600} file costs one {@code stat}.
 */
public final class ConfigFilePermissions {
    private static final Set<PosixFilePermission> READABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private ConfigFilePermissions() {
    }

    /**
     * @return the warning text (without {@code Warning: }), or empty when the file is private, holds no
     *     secret, does not exist, or the file system has no POSIX modes
     */
    public static Optional<String> warning(Path file) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        if (mode.stream().noneMatch(READABLE_BY_OTHERS::contains) || !holdsSecret(file)) {
            return Optional.empty();
        }
        return Optional.of(file + " holds credentials and is readable by other users (mode " + octal(mode)
                + "); run: chmod 600 " + file);
    }

    private static boolean holdsSecret(Path file) {
        try {
            Optional<ConfigFile> config = IniReader.read(file);
            if (config.isEmpty()) {
                return false;
            }
            for (Map<String, String> section : config.get().sections().values()) {
                for (Attribute attribute : Attribute.values()) {
                    String value = section.get(attribute.key());
                    if (attribute.sensitive() && value != null && !value.isEmpty()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** {@code 0644}: ls's {@code rw-r--r--} as chmod writes it. */
    static String octal(Set<PosixFilePermission> mode) {
        String symbolic = PosixFilePermissions.toString(mode);
        int value = 0;
        for (int i = 0; i < 9; i++) {
            if (symbolic.charAt(i) != '-') {
                value |= 1 << (8 - i);
            }
        }
        return String.format("0%o", value);
    }
}
