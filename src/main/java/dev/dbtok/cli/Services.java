package dev.dbtok.cli;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.output.Log;
import dev.dbtok.output.Terminal;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Everything a command needs from the outside world, injected so that tests run the real wiring
 * against a fake environment: the environment variables, the terminal decision, stdin, how to
 * build a client for a resolved configuration (and the run's log, for the HTTP dump under
 * {@code --debug}), the working directory (where a bundle's {@code databricks.yml} is looked for) and
 * how to read a secret without echo.
 */
public record Services(
        Map<String, String> env,
        Terminal terminal,
        InputStream stdin,
        BiFunction<ResolvedConfig, Log, DatabricksClient> clients,
        Path workingDir,
        SecretPrompt secretPrompt) {

    /** With the process's working directory and the system console for secrets. */
    public Services(Map<String, String> env, Terminal terminal, InputStream stdin,
                    BiFunction<ResolvedConfig, Log, DatabricksClient> clients) {
        this(env, terminal, stdin, clients, Path.of("").toAbsolutePath(), SecretPrompt.console());
    }

    /** The real process environment. */
    public static Services system() {
        Map<String, String> env = System.getenv();
        return new Services(env, Terminal.detect(env), System.in, new RealClients());
    }

    /**
     * {@link DatabricksClient#create(ResolvedConfig, Log)}. A class, not a method reference: on the start-up path a
     * method reference made the JVM generate method-handle classes at run time (~8 ms, measured with the class-data
     * archive, which cannot hold them).
     */
    private static final class RealClients implements BiFunction<ResolvedConfig, Log, DatabricksClient> {
        @Override
        public DatabricksClient apply(ResolvedConfig config, Log log) {
            return DatabricksClient.create(config, log);
        }
    }
}
