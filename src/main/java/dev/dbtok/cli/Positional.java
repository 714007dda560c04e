package dev.dbtok.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Positional-argument rules the official CLI checks before anything else runs. */
public final class Positional {
    private Positional() {
    }

    /** {@code accepts N arg(s), received M}, followed by the usage. */
    public static void exactly(CommandSpec spec, List<String> args, int expected) {
        if (args.size() != expected) {
            throw new UsageError(spec.commandLine(), "accepts " + expected + " arg(s), received " + args.size());
        }
    }

    /** With {@code --json}, the ID must come from the document, not from the command line (no usage). */
    public static void noneWithJson(JsonOption json, List<String> args, String jsonKey) {
        if (json.given() && !args.isEmpty()) {
            throw new CliException("when --json flag is specified, no positional arguments are allowed. Provide '"
                    + jsonKey + "' in your JSON input");
        }
    }

    /** Commands with a required {@code --json} document. */
    public static void requireJson(JsonOption json) {
        if (!json.given()) {
            throw new CliException("please provide command input in JSON format by specifying the --json flag");
        }
    }
}
