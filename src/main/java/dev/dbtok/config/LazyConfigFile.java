package dev.dbtok.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the config file at most once per resolution, however many steps look at it. Mode C never
 * touches the file when the environment already names a host or a credential, so reading is lazy.
 */
final class LazyConfigFile {

    private final Path path;
    private Optional<ConfigFile> file;
    private IOException failure;

    LazyConfigFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Empty when the file does not exist; a missing file is never an error by itself. */
    Optional<ConfigFile> load() throws IOException {
        if (file == null && failure == null) {
            try {
                file = IniReader.read(path);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return file;
    }

    /**
     * For the default-profile lookup only: a broken file counts as no file there, and fails later,
     * with the full message, if a profile is actually read from it.
     */
    Optional<ConfigFile> loadQuietly() {
        try {
            return load();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
