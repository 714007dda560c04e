package dev.dbtok.cli.emulator;

import dev.dbtok.cli.CliException;
import dev.dbtok.emulator.Emulator;
import dev.dbtok.emulator.Seed;
import dev.dbtok.emulator.SeedException;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Starts an emulator for a command, turning a bad seed file or a busy port into one {@code Error:} line. */
final class EmulatorStarter {
    private EmulatorStarter() {
    }

    /**
     * @param seedFile  the {@code --seed} path, or null
     * @param port      0 for a free port
     * @param accessLog receives one line per request
     */
    static Emulator start(String seedFile, int port, Consumer<String> accessLog) {
        Seed seed;
        try {
            seed = seedFile == null ? Seed.none() : Seed.read(Path.of(seedFile));
        } catch (SeedException e) {
            throw new CliException(e.getMessage(), e);
        }
        try {
            return Emulator.builder().port(port).seed(seed).accessLog(accessLog).start();
        } catch (SeedException e) {
            throw new CliException("seed file " + seedFile + ": " + e.getMessage(), e);
        } catch (BindException e) {
            throw new CliException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage()
                    + "; choose another --port, or --port 0 for a free one", e);
        } catch (IOException e) {
            throw new CliException("cannot start the emulator on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }
}
