package dev.dbtok.cli;

import dev.dbtok.config.ConfigResolver;
import dev.dbtok.config.Origin;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogLevel;
import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One run of dbtok: the global flags, the output streams, the log, and the configuration and client,
 * each built at most once and only when a command needs them (so {@code --help} never reads the
 * config file or starts an HTTP client).
 */
public final class Session {
    private final Services services;
    private final Globals globals;
    private final PrintWriter out;
    private final PrintWriter err;
    private ResolvedConfig config;
    private DatabricksClient client;
    private Log log;

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

    /**
     * The run's log ({@code --log-level}, {@code --log-format}, {@code --log-file}), opened on first use;
     * {@link Lifecycle} opens it before the command runs.
     *
     * @throws dev.dbtok.output.LogFileException if the log file cannot be opened
     */
    public Log log() {
        if (log == null) {
            log = Log.open(globals.logLevel(), globals.logFormat(), globals.logFile(), out, err);
        }
        return log;
    }

    /** The log if it was opened, else {@code null}: a failure before that point has nothing to log to. */
    Log openedLog() {
        return log;
    }

    /** The resolved configuration; its secrets are registered with the log, which never shows them from then on. */
    public ResolvedConfig config() {
        if (config == null) {
            ResolvedConfig resolved = ConfigResolver.resolve(globals.profile(), services.env());
            log().hide(resolved.token(), resolved.password(), resolved.clientSecret());
            if (log().enabled(LogLevel.DEBUG)) {
                log().debug("resolved configuration", "host", resolved.host(), "profile", resolved.profile(),
                        "auth_type", resolved.authType(), "config_file", resolved.configFile(),
                        "sources", sources(resolved.sources()));
            }
            config = resolved;
        }
        return config;
    }

    /** Built with the HTTP dump when the log is at debug level. */
    public DatabricksClient client() {
        if (client == null) {
            // Waits between attempts are announced at warn level, so a long pause is never silent.
            client = services.clients().apply(config(), log()).onRetry(notice -> log().warn(notice.message()));
        }
        return client;
    }

    /** Where each attribute came from ({@code token from DATABRICKS_TOKEN environment variable}); never a value. */
    private static String sources(Map<String, Origin> sources) {
        StringJoiner joined = new StringJoiner(", ");
        sources.forEach((attribute, origin) -> joined.add(attribute + " from " + origin));
        return joined.toString();
    }
}
