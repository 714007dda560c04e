package dev.dbtok.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/** What happens around every command: deprecation notices first, then the command itself. */
final class Lifecycle implements IExecutionStrategy {
    @Override
    public int execute(ParseResult parseResult) {
        CommandLine root = parseResult.commandSpec().commandLine();
        DbtokCommand dbtok = root.getCommand();
        if (dbtok.progressFormatGiven()) {
            root.getErr().print("Flag --progress-format has been deprecated, this flag is no longer functional\n");
            root.getErr().flush();
        }
        return new CommandLine.RunLast().execute(parseResult);
    }
}
