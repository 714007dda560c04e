package dev.dbtok.cli;

import dev.dbtok.output.OutputFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code -o/--output}: {@code text} or {@code json}, in any case. */
public final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
        OutputFormat format = parse(value);
        if (format == null) {
            throw new TypeConversionException("accepted arguments are json and text");
        }
        return format;
    }

    /** Returns {@code null} for anything else, so invalid environment values can be ignored. */
    public static OutputFormat parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "text" -> OutputFormat.TEXT;
            case "json" -> OutputFormat.JSON;
            default -> null;
        };
    }
}
