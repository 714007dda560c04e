package dev.dbtok.cli;

import dev.dbtok.cli.model.CommandInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help in the official CLI's layout (long text, {@code Usage:}, command list, {@code Flags:},
 * {@code Global Flags:}, footer), installed as picocli's only help section so that {@code --help},
 * bare groups and usage errors all render the same text.
 */
public final class HelpLayout {
    private static final String SECTION = "dbtok";
    private static final int MIN_NAME_PADDING = 11;

    private static final Renderer RENDERER = new Renderer();
    /*
     * Classes rather than lambdas: both come from the class-data-sharing archive (since dbtok ships picocli
     * compiled for Java 17, lambdas over its types no longer keep classes out of it), but a lambda's call
     * site is still linked at run time, on the path of every help text.
     */
    private static final Comparator<CommandInfo> BY_NAME = new Comparator<>() {
        @Override
        public int compare(CommandInfo a, CommandInfo b) {
            return a.name().compareTo(b.name());
        }
    };
    private static final Comparator<OptionSpec> BY_FLAG_NAME = new Comparator<>() {
        @Override
        public int compare(OptionSpec a, OptionSpec b) {
            return sortName(a).compareTo(sortName(b));
        }
    };

    private HelpLayout() {
    }

    /** Renders picocli's one help section in this layout. */
    private static final class Renderer implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(CommandLine.Help help) {
            return help(help.commandSpec());
        }
    }

    /** Makes {@code commandLine} and all its subcommands render help in this layout. */
    public static void install(CommandLine commandLine) {
        commandLine.setHelpSectionKeys(List.of(SECTION));
        commandLine.getHelpSectionMap().clear();
        commandLine.getHelpSectionMap().put(SECTION, RENDERER);
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            install(sub);
        }
    }

    /** The full help: the long description, then the usage. */
    public static String help(CommandSpec spec) {
        String longText = String.join("\n", spec.usageMessage().description()).stripTrailing();
        if (longText.isEmpty()) {
            longText = shortText(spec);
        }
        return longText.isEmpty() ? usage(spec) : longText + "\n\n" + usage(spec);
    }

    /** What follows a usage error: everything but the long description. */
    public static String usage(CommandSpec spec) {
        StringBuilder out = new StringBuilder("Usage:");
        String path = spec.qualifiedName(" ");
        boolean group = !spec.subcommands().isEmpty();
        if (!group) {
            String[] args = spec.usageMessage().customSynopsis();
            out.append("\n  ").append(path).append(args.length > 0 ? " " + args[0] : "").append(" [flags]");
        } else {
            if (spec.parent() != null) {
                out.append("\n  ").append(path).append(" [flags]");
            }
            out.append("\n  ").append(path).append(" [command]");
            commandList(spec, out);
        }
        out.append("\n\nFlags:\n").append(flagRows(localFlags(spec), spec));
        List<OptionSpec> globals = globalFlags(spec);
        if (!globals.isEmpty()) {
            out.append("\n\nGlobal Flags:\n").append(flagRows(globals, spec));
        }
        if (group) {
            out.append("\n\nUse \"").append(path).append(" [command] --help\" for more information about a command.");
        }
        return out.append('\n').toString();
    }

    /** The command list, from every subcommand's {@link CommandInfo}: commands the run did not build are listed too ({@link CommandTree}). */
    private static void commandList(CommandSpec spec, StringBuilder out) {
        List<CommandInfo> main = new ArrayList<>();
        List<CommandInfo> permissions = new ArrayList<>();
        int padding = MIN_NAME_PADDING;
        for (CommandInfo sub : CommandTree.listed(spec)) {
            if (sub.hidden()) {
                continue;
            }
            padding = Math.max(padding, sub.name().length());
            boolean permission = sub.name().endsWith("-permissions") || sub.name().endsWith("-permission-levels");
            (permission ? permissions : main).add(sub);
        }
        main.sort(BY_NAME);
        permissions.sort(BY_NAME);
        if (permissions.isEmpty()) {
            out.append("\n\nAvailable Commands:");
            rows(main, padding, out);
        } else {
            out.append("\n\nMain Commands");
            rows(main, padding, out);
            out.append("\n\nPermission Commands");
            rows(permissions, padding, out);
        }
    }

    private static void rows(List<CommandInfo> commands, int padding, StringBuilder out) {
        for (CommandInfo sub : commands) {
            out.append("\n  ").append(pad(sub.name(), padding)).append(' ').append(sub.header().length == 0 ? "" : sub.header()[0]);
        }
    }

    private static String shortText(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length == 0 ? "" : header[0];
    }

    private static List<OptionSpec> localFlags(CommandSpec spec) {
        List<OptionSpec> flags = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && (spec.parent() == null || !option.inherited() || option.usageHelp())) {
                flags.add(option);
            }
        }
        return flags;
    }

    private static List<OptionSpec> globalFlags(CommandSpec spec) {
        List<OptionSpec> flags = new ArrayList<>();
        if (spec.parent() == null) {
            return flags;
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && option.inherited() && !option.usageHelp()) {
                flags.add(option);
            }
        }
        return flags;
    }

    /** pflag's layout: names, a type word, then the help text aligned three spaces past the longest row. */
    private static String flagRows(List<OptionSpec> options, CommandSpec owner) {
        List<OptionSpec> sorted = new ArrayList<>(options);
        sorted.sort(BY_FLAG_NAME);
        List<String> prefixes = new ArrayList<>();
        int width = 0;
        for (OptionSpec option : sorted) {
            String shortName = FlagNames.shortName(option);
            String prefix = (shortName == null ? "      " : "  " + shortName + ", ") + option.longestName();
            if (option.arity().max() > 0) {
                prefix += " " + option.paramLabel();
            }
            prefixes.add(prefix);
            width = Math.max(width, prefix.length());
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            OptionSpec option = sorted.get(i);
            String text = option.usageHelp() ? "help for " + owner.name() : String.join(" ", option.description());
            if (i > 0) {
                rows.append('\n');
            }
            rows.append(pad(prefixes.get(i), width)).append("   ").append(text);
        }
        return rows.toString();
    }

    /** The name without its leading dashes (a loop, not a regex: a regex is compiled at every comparison). */
    private static String sortName(OptionSpec option) {
        String name = option.longestName();
        int start = 0;
        while (start < name.length() && name.charAt(start) == '-') {
            start++;
        }
        return name.substring(start);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
