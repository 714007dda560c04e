package dev.dbtok.cli.emulator;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dbtok emulator exec -- COMMAND [ARGS...]}: runs one command against a throwaway emulator. */
@Command(
        name = "exec",
        customSynopsis = "-- COMMAND [ARGS...]",
        header = "Run a command against a fresh emulator.",
        description = {
            "Run a command against a fresh emulator.",
            "",
            "  Starts an emulator on a free port of 127.0.0.1, runs COMMAND with",
            "  DATABRICKS_HOST and DATABRICKS_TOKEN set to it (as admin@example.com) and",
            "  DATABRICKS_CONFIG_FILE pointing at a temporary file with the profiles",
            "  emulator, emulator-user and emulator-sp, then stops the emulator and exits",
            "  with COMMAND's exit code. Other DATABRICKS_ variables that could select a",
            "  real workspace are removed from COMMAND's environment.",
            "",
            "  Example:",
            "    dbtok emulator exec -- dbtok tokens create --comment first --lifetime-seconds 3600"
        },
        modelTransformer = ExecCommand.CommandAfterFlags.class)
final class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SeedOption seed;

    @Parameters(hidden = true)
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        if (command.isEmpty()) {
            throw new UsageError(spec.commandLine(),
                    "missing COMMAND: give the command to run after --, e.g. dbtok emulator exec -- dbtok tokens list");
        }
        return new ExecRun(DbtokCommand.session(spec), command, seed.file()).run();
    }

    /** The first word that is not a flag starts COMMAND: its own flags must reach it, not dbtok. */
    static final class CommandAfterFlags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }
}
