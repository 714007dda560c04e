package dev.dbtok.emulator;

import dev.dbtok.support.Dbtok;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An emulator started in-process on a free port for one test, and {@link Dbtok} runs of the real CLI wiring that
 * talk to it over HTTP as one of its accounts.
 */
final class RunningEmulator implements AutoCloseable {
    final Emulator emulator;
    private final Path home;

    private RunningEmulator(Emulator emulator, Path home) {
        this.emulator = emulator;
        this.home = home;
    }

    static RunningEmulator start(Path home) {
        return start(home, Emulator.builder());
    }

    static RunningEmulator start(Path home, Emulator.Builder builder) {
        try {
            return new RunningEmulator(builder.start(), home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** dbtok with DATABRICKS_HOST and DATABRICKS_TOKEN set for {@code userName}. */
    Dbtok as(String userName) {
        return asToken(emulator.credential(userName).token());
    }

    Dbtok asAdmin() {
        return as(WorkspaceSeeder.ADMIN);
    }

    Dbtok asUser() {
        return as(WorkspaceSeeder.USER);
    }

    Dbtok asServicePrincipal() {
        return as(WorkspaceSeeder.SERVICE_PRINCIPAL);
    }

    Dbtok asToken(String token) {
        return Dbtok.inHome(home).env("DATABRICKS_HOST", emulator.host()).env("DATABRICKS_TOKEN", token);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
