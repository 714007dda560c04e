package dev.dbtok.cli;

import dev.dbtok.output.LogLevel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --log-level}: trace, debug, info, warn, error or disabled. */
public final class LogLevelConverter implements ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
        LogLevel level = LogLevel.parse(value);
        if (level == null) {
            throw new TypeConversionException("accepted arguments are debug, disabled, error, info, trace and warn");
        }
        return level;
    }
}
