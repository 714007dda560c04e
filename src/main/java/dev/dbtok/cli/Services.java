package dev.dbtok.cli;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.output.Terminal;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a command needs from the outside world, injected so that tests run the real wiring
 * against a fake environment: the environment variables, the terminal decision, stdin, and how to
 * build a client for a resolved configuration.
 */
public record Services(
        Map<String, String> env,
        Terminal terminal,
        InputStream stdin,
        Function<ResolvedConfig, DatabricksClient> clients) {

    /** The real process environment. */
    public static Services system() {
        Map<String, String> env = System.getenv();
        return new Services(env, Terminal.detect(env), System.in, DatabricksClient::create);
    }
}
