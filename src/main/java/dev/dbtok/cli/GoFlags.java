package dev.dbtok.cli;

import dev.dbtok.text.GoQuote;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Flag value converters that accept and reject exactly what the official CLI's flag parser does,
 * with its error details. The parameter error handler prefixes the details with
 * {@code invalid argument "<value>" for "<flag>" flag: }.
 */
public final class GoFlags {
    private GoFlags() {
    }

    /** {@code int64} flags: decimal only, with the Go parser's wording on failure. */
    public static final class Int64 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parseInt(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** {@code int} flags; the official CLI is 64-bit, so an {@code int} has the same range. */
    public static final class Int implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return parseInt(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static long parseInt(String value, long min, long max) {
        String digits = value.startsWith("+") || value.startsWith("-") ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new TypeConversionException("strconv.ParseInt: parsing " + GoQuote.quote(value) + ": invalid syntax");
        }
        try {
            long parsed = Long.parseLong(value.startsWith("+") ? digits : value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("strconv.ParseInt: parsing " + GoQuote.quote(value) + ": value out of range");
        }
    }

    /** The spellings Go's {@code strconv.ParseBool} accepts. */
    public static Boolean parseBool(String value) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> throw new TypeConversionException(
                    "strconv.ParseBool: parsing " + GoQuote.quote(value) + ": invalid syntax");
        };
    }
}
