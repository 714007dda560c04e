package dev.dbtok.cli;

import dev.dbtok.config.ConfigResolver;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import java.io.PrintWriter;

/**
 * One run of dbtok: the global flags, the output streams, and the configuration and client, each
 * built at most once and only when a command needs them (so {@code --help} never reads the
 * config file or starts an HTTP client).
 */
public final class Session {
    private final Services services;
    private final Globals globals;
    private final PrintWriter out;
    private final PrintWriter err;
    private ResolvedConfig config;
    private DatabricksClient client;

    Session(Services services, Globals globals, PrintWriter out, PrintWriter err) {
        this.services = services;
        this.globals = globals;
        this.out = out;
        this.err = err;
    }

    public Services services() {
        return services;
    }

    public Globals globals() {
        return globals;
    }

    /** Data only. */
    public PrintWriter out() {
        return out;
    }

    /** Errors, warnings, logs and prompts. */
    public PrintWriter err() {
        return err;
    }

    public ResolvedConfig config() {
        if (config == null) {
            config = ConfigResolver.resolve(globals.profile(), services.env());
        }
        return config;
    }

    public DatabricksClient client() {
        if (client == null) {
            client = services.clients().apply(config()).onRetry(new RetryWarnings(err, globals.logLevel()));
        }
        return client;
    }
}
