package dev.dbtok.cli.emulator;

import picocli.CommandLine.Option;

/**
 * {@code --seed FILE}, shared by {@code emulator} and {@code emulator exec}. Only the path is kept here: reading it
 * needs the emulator's classes, which must not load when dbtok starts for any other command.
 */
public final class SeedOption {
    @Option(names = "--seed", paramLabel = "FILE",
            description = "JSON file with extra users, service principals, tokens, permissions and settings")
    String file;

    /** The path given, or null. */
    String file() {
        return file;
    }
}
