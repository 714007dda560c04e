package dev.dbtok.cli;

import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Boolean flags the way the official CLI reads them: {@code --x} means true, {@code --x=false}
 * sets a value, and a separate {@code false} is a positional argument, never the flag's value.
 */
public final class BoolFlag implements IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        boolean attached = "=".equals(info.get("separator"));
        if (!attached) {
            argSpec.setValue(Boolean.TRUE);
            return true;
        }
        String text = args.pop();
        try {
            argSpec.setValue(GoFlags.parseBool(text));
        } catch (TypeConversionException e) {
            throw new UsageError(commandSpec.commandLine(),
                    FlagNames.invalidArgument((OptionSpec) argSpec, text, e.getMessage()));
        }
        return true;
    }
}
