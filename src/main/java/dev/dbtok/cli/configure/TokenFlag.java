package dev.dbtok.cli.configure;

import dev.dbtok.cli.UsageError;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --token} is a switch, as in the official CLI. Unlike other bool flags, a value that is not a bool
 * ({@code --token=dapi...}) is refused without being repeated: it is most likely the token itself.
 */
public final class TokenFlag implements IParameterPreprocessor {
    private static final Set<String> BOOLS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE",
            "false", "False");

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        if (!"=".equals(info.get("separator"))) {
            argSpec.setValue(Boolean.TRUE);
            return true;
        }
        String text = args.pop();
        if (!BOOLS.contains(text)) {
            throw new UsageError(commandSpec.commandLine(), "--token takes no value: dbtok reads the token from"
                    + " DATABRICKS_TOKEN, a hidden prompt or stdin, never from the command line");
        }
        argSpec.setValue(!text.startsWith("f") && !text.startsWith("F") && !text.equals("0"));
        return true;
    }
}
