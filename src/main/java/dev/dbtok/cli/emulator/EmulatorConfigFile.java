package dev.dbtok.cli.emulator;

import dev.dbtok.emulator.Credential;
import dev.dbtok.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code DATABRICKS_CONFIG_FILE} that {@code emulator exec} hands to its command: one profile per default account
 * ({@code emulator} for the admin, {@code emulator-user}, {@code emulator-sp}). It holds tokens, so it is created
 * owner-only (0600) before anything is written to it, and deleted when the command ends.
 */
final class EmulatorConfigFile {
    private EmulatorConfigFile() {
    }

    static Path write(Emulator emulator) {
        try {
            Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile("dbtok-emulator-", ".databrickscfg",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile("dbtok-emulator-", ".databrickscfg");
            Files.write(file, text(emulator).getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the emulator's config file: " + e.getMessage(), e);
        }
    }

    static String text(Emulator emulator) {
        StringBuilder text = new StringBuilder("; Written by dbtok emulator exec for one run, and deleted after it.\n");
        for (Credential credential : emulator.credentials()) {
            if (credential.profile() != null) {
                text.append('\n').append('[').append(credential.profile()).append("]\n")
                        .append("host  = ").append(emulator.host()).append('\n')
                        .append("token = ").append(credential.token()).append('\n');
            }
        }
        return text.toString();
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the file lives in the temp directory and holds tokens of an emulator that is gone.
        }
    }
}
