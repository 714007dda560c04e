package dev.dbtok.cli;

import dev.dbtok.Version;
import dev.dbtok.cli.auth.AuthCommand;
import dev.dbtok.cli.configure.ConfigureCommand;
import dev.dbtok.cli.emulator.EmulatorCommand;
import dev.dbtok.cli.model.Subcommands;
import dev.dbtok.cli.tokenmanagement.TokenManagementCommand;
import dev.dbtok.cli.tokens.TokensCommand;
import dev.dbtok.cli.workspaceconf.WorkspaceConfCommand;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogFormat;
import dev.dbtok.output.LogLevel;
import dev.dbtok.output.OutputFormat;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command. Like every group it has no body: picocli reports a missing subcommand and
 * {@link ParameterErrorHandler} turns that into the help text. It owns the global flags (declared once, inherited by every subcommand so they
 * work before or after it) and the {@link Session} that leaves reach through {@link #session(CommandSpec)}.
 */
@Command(
        name = "dbtok",
        header = "Databricks token CLI",
        description = "Databricks token CLI",
        versionProvider = DbtokCommand.VersionText.class)
@Subcommands({AuthCommand.class, ConfigureCommand.class, EmulatorCommand.class, TokenManagementCommand.class,
    TokensCommand.class, WorkspaceConfCommand.class})
public final class DbtokCommand {
    private final Services services;
    private Session session;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "type",
            converter = OutputFormatConverter.class, description = "output type: text or json (default text)")
    OutputFormat output;

    @Option(names = {"-p", "--profile"}, scope = ScopeType.INHERIT, paramLabel = "string",
            description = "~/.databrickscfg profile")
    String profile;

    @Option(names = {"-t", "--target"}, scope = ScopeType.INHERIT, paramLabel = "string",
            description = "bundle target to use (if applicable)")
    String target;

    @Option(names = "--debug", scope = ScopeType.INHERIT, preprocessor = BoolFlag.class,
            description = "enable debug logging")
    Boolean debug;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, hidden = true, paramLabel = "format",
            converter = LogLevelConverter.class, description = "log level")
    LogLevel logLevel;

    @Option(names = "--log-format", scope = ScopeType.INHERIT, hidden = true, paramLabel = "type",
            converter = LogFormatConverter.class, description = "log output format (text or json)")
    LogFormat logFormat;

    @Option(names = "--log-file", scope = ScopeType.INHERIT, hidden = true, paramLabel = "file",
            description = "file to write logs to")
    String logFile;

    /** Accepted for scripts written for the official CLI, where it no longer does anything. */
    @Option(names = "--progress-format", scope = ScopeType.INHERIT, hidden = true, paramLabel = "format",
            description = "format for progress logs")
    String progressFormat;

    @Option(names = {"-h", "--help"}, scope = ScopeType.INHERIT, usageHelp = true, description = "help")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "version for dbtok")
    boolean version;

    public DbtokCommand(Services services) {
        this.services = services;
    }

    /** The session of the run that {@code spec} belongs to. */
    public static Session session(CommandSpec spec) {
        DbtokCommand root = (DbtokCommand) spec.root().userObject();
        if (root.session == null) {
            root.session = new Session(root.services, root.globals(), spec.commandLine().getOut(),
                    spec.commandLine().getErr(), spec.qualifiedName(" "));
        }
        return root.session;
    }

    /** The log of the run {@code commandLine} belongs to, or {@code null} if it was not opened (yet). */
    static Log openedLog(CommandLine commandLine) {
        DbtokCommand root = (DbtokCommand) commandLine.getCommandSpec().root().userObject();
        return root.session == null ? null : root.session.openedLog();
    }

    boolean progressFormatGiven() {
        return progressFormat != null;
    }

    Globals globals() {
        Map<String, String> env = services.env();
        OutputFormat out = output != null ? output : orDefault(OutputFormatConverter.parse(env.get("DATABRICKS_OUTPUT_FORMAT")), OutputFormat.TEXT);
        boolean debugOn = Boolean.TRUE.equals(debug);
        LogLevel level = debugOn ? LogLevel.DEBUG
                : logLevel != null ? logLevel : orDefault(LogLevel.parse(env.get("DATABRICKS_LOG_LEVEL")), LogLevel.WARN);
        LogFormat format = logFormat != null ? logFormat : orDefault(LogFormat.parse(env.get("DATABRICKS_LOG_FORMAT")), LogFormat.TEXT);
        String file = logFile != null ? logFile : orDefault(blankToNull(env.get("DATABRICKS_LOG_FILE")), "stderr");
        String bundleTarget = blankToNull(target) != null ? target : blankToNull(env.get("DATABRICKS_BUNDLE_TARGET"));
        return new Globals(out, blankToNull(profile), bundleTarget, debugOn, level, format, file, blankToNull(target) != null);
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code dbtok v<version>}. */
    public static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dbtok v" + Version.get()};
        }
    }
}
