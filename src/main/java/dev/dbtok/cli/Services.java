package dev.dbtok.cli;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.output.Log;
import dev.dbtok.output.Terminal;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Everything a command needs from the outside world, injected so that tests run the real wiring
 * against a fake environment: the environment variables, the terminal decision, stdin, and how to
 * build a client for a resolved configuration (and the run's log, for the HTTP dump under {@code --debug}).
 */
public record Services(
        Map<String, String> env,
        Terminal terminal,
        InputStream stdin,
        BiFunction<ResolvedConfig, Log, DatabricksClient> clients) {

    /** The real process environment. */
    public static Services system() {
        Map<String, String> env = System.getenv();
        return new Services(env, Terminal.detect(env), System.in, DatabricksClient::create);
    }
}
