package dev.dbtok.config;

import dev.dbtok.text.GoQuote;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the raw strings of the config file and the environment into typed values, with the same
 * accepted forms and the same error details as the official CLI (which uses Go's {@code strconv}),
 * so that {@code resolve: ... profile: strconv.ParseBool: parsing "yes": invalid syntax} matches.
 */
final class ValueParser {

    /** Thrown with the detail that follows {@code resolve: ... profile: }. */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String detail) {
            super(detail);
        }
    }

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

    private ValueParser() {
    }

    static Object parse(Attribute.Kind kind, String raw) throws BadValueException {
        return switch (kind) {
            case STRING -> raw;
            case BOOL -> parseBool(raw);
            case INT -> parseInt(raw);
            case LIST -> parseList(raw);
        };
    }

    /** The zero value of each kind counts as "unset", so a later source may still fill it. */
    static boolean isZero(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isEmpty();
        }
        if (value instanceof Integer i) {
            return i == 0;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        return value instanceof List<?> l && l.isEmpty();
    }

    static boolean parseBool(String raw) throws BadValueException {
        if (TRUE.contains(raw)) {
            return true;
        }
        if (FALSE.contains(raw)) {
            return false;
        }
        throw new BadValueException("strconv.ParseBool: parsing " + goQuote(raw) + ": invalid syntax");
    }

    static int parseInt(String raw) throws BadValueException {
        if (!DECIMAL.matcher(raw).matches()) {
            throw new BadValueException("strconv.Atoi: parsing " + goQuote(raw) + ": invalid syntax");
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException tooBig) {
            // Go accepts 64-bit ints; dbtok stores ints, so anything wider is out of range here.
            throw new BadValueException("strconv.Atoi: parsing " + goQuote(raw) + ": value out of range");
        }
    }

    /**
     * Comma-separated, each item trimmed, empty items dropped; sorted and de-duplicated as the
     * official CLI does once resolution is over.
     */
    static List<String> parseList(String raw) {
        Set<String> items = new TreeSet<>();
        for (String part : raw.split(",", -1)) {
            String item = part.strip();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    /** Go's {@code %q}, for config values in messages. */
    static String goQuote(String s) {
        return GoQuote.quote(s);
    }
}
