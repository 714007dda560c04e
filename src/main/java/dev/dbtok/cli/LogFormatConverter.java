package dev.dbtok.cli;

import dev.dbtok.output.LogFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --log-format}: text or json. */
public final class LogFormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
        LogFormat format = LogFormat.parse(value);
        if (format == null) {
            throw new TypeConversionException("accepted arguments are json and text");
        }
        return format;
    }
}
