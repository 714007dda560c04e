package dev.dbtok.cli;

import dev.dbtok.bundle.Bundles;
import dev.dbtok.config.BundleWorkspace;
import dev.dbtok.config.ConfigException;
import dev.dbtok.config.ConfigFilePermissions;
import dev.dbtok.config.ConfigResolver;
import dev.dbtok.config.Origin;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.http.HttpWarmUp;
import dev.dbtok.http.PlainHttp;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogLevel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final String commandPath;
    private final Set<String> warned = new HashSet<>();
    private ResolvedConfig config;
    private DatabricksClient client;
    private Log log;

    Session(Services services, Globals globals, PrintWriter out, PrintWriter err, String commandPath) {
        this.services = services;
        this.globals = globals;
        this.out = out;
        this.err = err;
        this.commandPath = commandPath;
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

    /**
     * The configuration of this run: inside a bundle, with the selected target's workspace (unless
     * {@code -p} is given without {@code -t}, as in the official CLI). Its secrets are registered with
     * the log, which never shows them from then on. Warns once if the config file it read exposes
     * credentials to other users.
     *
     * @throws ConfigException when resolution fails
     * @throws dev.dbtok.bundle.BundleException when the bundle cannot be read or names no usable target
     */
    public ResolvedConfig config() {
        if (config == null) {
            ResolvedConfig resolved = resolve();
            log().hide(resolved.token(), resolved.password(), resolved.clientSecret());
            if (log().enabled(LogLevel.DEBUG)) {
                log().debug("resolved configuration", "host", resolved.host(), "profile", resolved.profile(),
                        "auth_type", resolved.authType(), "config_file", resolved.configFile(),
                        "sources", sources(resolved.sources()));
            }
            config = resolved;
            // A host from a profile is known only now: begin its TLS set-up while the rest of the client is built.
            HttpWarmUp.startTlsFor(resolved.host(), services.env());
            for (Origin origin : config.sources().values()) {
                if (origin.type() == Origin.Type.CONFIG_FILE) {
                    warnIfExposed(config.configFile());
                    break;
                }
            }
        }
        return config;
    }

    /**
     * The client for {@link #config()}, with the HTTP dump when the log is at debug level; warns once
     * if its credentials would travel over plain http.
     */
    public DatabricksClient client() {
        if (client == null) {
            ResolvedConfig resolved = config();
            warnIfPlainHttp(resolved.host());
            // Waits between attempts are announced at warn level, so a long pause is never silent.
            client = services.clients().apply(resolved, log()).onRetry(notice -> log().warn(notice.message()));
        }
        return client;
    }

    /** Where each attribute came from ({@code token from DATABRICKS_TOKEN environment variable}); never a value. */
    private static String sources(Map<String, Origin> sources) {
        StringJoiner joined = new StringJoiner(", ");
        sources.forEach((attribute, origin) -> joined.add(attribute + " from " + origin));
        return joined.toString();
    }

    /**
     * Prints {@code Warning: <message>} on stderr, once per run for the same message. The one place
     * warnings leave, so that routing them (e.g. to a logger) is a change here only.
     */
    public void warn(String message) {
        if (warned.add(message)) {
            err.print("Warning: " + message + "\n");
            err.flush();
        }
    }

    /** The config-file permission check, for commands that read the file themselves. */
    public void warnIfExposed(Path configFile) {
        if (configFile != null) {
            ConfigFilePermissions.warning(configFile).ifPresent(this::warn);
        }
    }

    /** The plain-http check, for commands that build their own clients. */
    public void warnIfPlainHttp(String host) {
        if (PlainHttp.exposesCredentials(host)) {
            warn("credentials for " + host + " are sent unencrypted over plain http://; use https://");
        }
    }

    private ResolvedConfig resolve() {
        BundleWorkspace bundle = null;
        if (globals.profile() == null || globals.targetFromFlag()) {
            bundle = Bundles.workspace(services.workingDir(), services.env(), globals.target()).orElse(null);
        }
        try {
            return ConfigResolver.resolve(globals.profile(), services.env(), bundle);
        } catch (ConfigException e) {
            List<String> matching = e.matchingProfiles();
            if (matching.isEmpty()) {
                throw e;
            }
            throw e.withMessage(e.getMessage() + ambiguityGuidance(matching));
        }
    }

    /** What to do when a bundle's host matches several profiles; dbtok never prompts for one. */
    private String ambiguityGuidance(List<String> matching) {
        String first = matching.get(0);
        return "\n\nMatching workspace profiles: " + String.join(", ", matching) + "\n\n"
                + "Fix (pick one):\n"
                + "  1. Set profile in databricks.yml:\n"
                + "       workspace:\n"
                + "         profile: " + first + "\n"
                + "  2. Pass a flag:\n"
                + "       " + commandPath + " --profile " + first + "\n"
                + "  3. Set env var:\n"
                + "       DATABRICKS_CONFIG_PROFILE=" + first;
    }
}
