package dev.dbtok.cli;

import dev.dbtok.text.GoQuote;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Flag and argument errors: the official CLI's wording, then a blank line and the usage of the
 * command that failed, all on stderr; exit code 1.
 */
public final class ParameterErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        if (isBareGroup(ex)) {
            // A group given no subcommand prints its help and succeeds, like the official CLI. Printed
            // here rather than by commandLine.usage(), which first builds picocli's own help model.
            commandLine.getOut().print(HelpLayout.help(commandLine.getCommandSpec()));
            commandLine.getOut().flush();
            return ExitCodes.OK;
        }
        PrintWriter err = commandLine.getErr();
        String message = message(ex, args);
        err.print("Error: " + message + "\n\n" + HelpLayout.usage(commandLine.getCommandSpec()) + "\n");
        err.flush();
        // Only argument errors found by a command itself get here after the log was opened.
        Lifecycle.failed(DbtokCommand.openedLog(commandLine), message, null);
        return ExitCodes.ERROR;
    }

    private static boolean isBareGroup(ParameterException ex) {
        return !ex.getCommandLine().getSubcommands().isEmpty()
                && String.valueOf(ex.getMessage()).startsWith("Missing required subcommand");
    }

    static String message(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(unmatched.getUnmatched().get(0), ex.getCommandLine());
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return "flag needs an argument: " + typedName(option, args);
        }
        ArgSpec argSpec = ex.getArgSpec();
        if (ex.getCause() instanceof TypeConversionException conversion && argSpec instanceof OptionSpec option) {
            return FlagNames.invalidArgument(option, ex.getValue() == null ? "" : ex.getValue(), conversion.getMessage());
        }
        return ex.getMessage();
    }

    private static String unmatched(String arg, CommandLine commandLine) {
        if (arg.startsWith("--")) {
            int eq = arg.indexOf('=');
            return "unknown flag: " + (eq < 0 ? arg : arg.substring(0, eq));
        }
        if (arg.startsWith("-") && arg.length() > 1) {
            return "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg;
        }
        return "unknown command " + GoQuote.quote(arg) + " for " + GoQuote.quote(commandLine.getCommandSpec().qualifiedName(" "));
    }

    /** Names the flag the way the user typed it: {@code 'p' in -p} for a shorthand, else {@code --profile}. */
    private static String typedName(OptionSpec option, String[] args) {
        String shortName = FlagNames.shortName(option);
        for (int i = args.length - 1; i >= 0; i--) {
            String arg = args[i];
            if (arg.equals(option.longestName()) || arg.startsWith(option.longestName() + "=")) {
                break;
            }
            if (shortName != null && arg.startsWith(shortName)) {
                return "'" + shortName.charAt(1) + "' in " + shortName;
            }
        }
        return option.longestName();
    }

}
