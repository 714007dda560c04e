package dev.dbtok.cli;

import dev.dbtok.Version;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogFileException;
import dev.dbtok.output.LogLevel;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * What happens around every command: deprecation notices first, then the log is opened and the run's
 * {@code start} line written, the command runs, and the run ends with {@code completed execution} or
 * {@code failed execution} (output.md §5). Failures end in the error handlers, which call {@link #failed}.
 *
 * <p>Help and version requests log nothing, and flag errors happen before the log exists, as with the official CLI.
 */
final class Lifecycle implements IExecutionStrategy {
    @Override
    public int execute(ParseResult parseResult) {
        CommandLine root = parseResult.commandSpec().commandLine();
        DbtokCommand dbtok = root.getCommand();
        if (dbtok.progressFormatGiven()) {
            root.getErr().print("Flag --progress-format has been deprecated, this flag is no longer functional\n");
            root.getErr().flush();
        }
        if (helpRequested(parseResult)) {
            return help(parseResult);
        }
        Log log;
        try {
            // The session is opened for the command that runs, so messages can name its path.
            List<CommandLine> chain = parseResult.asCommandLineList();
            log = DbtokCommand.session(chain.get(chain.size() - 1).getCommandSpec()).log();
        } catch (LogFileException e) {
            root.getErr().print("Error: " + e.getMessage() + "\n");
            root.getErr().flush();
            return ExitCodes.ERROR;
        }
        if (log.enabled(LogLevel.INFO)) {
            log.info("start", "version", Version.get(), "args", args(parseResult));
        }
        int exitCode = new CommandLine.RunLast().execute(parseResult);
        log.info(exitCode == ExitCodes.OK ? "completed execution" : "failed execution",
                "exit_code", String.valueOf(exitCode));
        log.close();
        return exitCode;
    }

    /**
     * Ends a run that failed after its log was opened: under {@code --debug} the cause chain, then
     * {@code failed execution exit_code=1 error="<message>"}. Does nothing when {@code log} is null.
     *
     * @param message the message printed after {@code Error: }
     * @param cause   the exception behind it, or null for argument errors
     */
    static void failed(Log log, String message, Throwable cause) {
        if (log == null) {
            return;
        }
        if (cause != null && log.enabled(LogLevel.DEBUG)) {
            log.debug("error cause chain:\n" + CauseChain.of(cause));
        }
        log.info("failed execution", "exit_code", String.valueOf(ExitCodes.ERROR), "error", message);
        log.close();
    }

    /** The command line as typed, with {@code dbtok} in place of the program: {@code dbtok, tokens, list, --debug}. */
    private static String args(ParseResult parseResult) {
        StringBuilder b = new StringBuilder("dbtok");
        for (String arg : parseResult.originalArgs()) {
            b.append(", ").append(arg);
        }
        return b.toString();
    }

    /**
     * What picocli does for {@code --help} and {@code --version}, the first one asked for along the
     * command path winning, except that help is printed straight from {@link HelpLayout}: picocli's way
     * builds its own help model of the command and of each subcommand first, only to hand it to the
     * layout.
     */
    private static int help(ParseResult parseResult) {
        for (CommandLine parsed : parseResult.asCommandLineList()) {
            if (parsed.isUsageHelpRequested()) {
                parsed.getOut().print(HelpLayout.help(parsed.getCommandSpec()));
                parsed.getOut().flush();
                return parsed.getCommandSpec().exitCodeOnUsageHelp();
            }
            if (parsed.isVersionHelpRequested()) {
                break;
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    private static boolean helpRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }
}
