package dev.dbtok.cli;

import dev.dbtok.text.GoQuote;
import picocli.CommandLine.Model.OptionSpec;

/** How flags are named in error messages: {@code "-o, --output"} when there is a shorthand, else {@code "--name"}. */
public final class FlagNames {
    private FlagNames() {
    }

    public static String display(OptionSpec option) {
        String shortName = shortName(option);
        return shortName == null ? option.longestName() : shortName + ", " + option.longestName();
    }

    public static String shortName(OptionSpec option) {
        for (String name : option.names()) {
            if (name.length() == 2 && name.charAt(0) == '-' && name.charAt(1) != '-') {
                return name;
            }
        }
        return null;
    }

    public static String invalidArgument(OptionSpec option, String value, String detail) {
        return "invalid argument " + GoQuote.quote(value) + " for \"" + display(option) + "\" flag: " + detail;
    }
}
