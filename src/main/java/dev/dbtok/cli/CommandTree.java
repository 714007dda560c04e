package dev.dbtok.cli;

import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds dbtok's command tree from the {@link Subcommands} of each command, but only the commands a
 * run can reach. Building picocli's model of a command (its options, converters, the global flags
 * copied into it) is most of dbtok's start-up; every command the run cannot reach becomes a
 * placeholder that carries what a command list shows of it (name, aliases, header, hidden), read from
 * its {@link Command} annotation without building a model.
 *
 * <p>A command is built for real when its name or an alias is any word of the command line before
 * {@code --}. That is a superset of the path picocli will follow, whatever the options and their
 * values, so a placeholder is never parsed into nor run: help, errors and command lists read the same
 * as with the whole tree built.
 *
 * <p>Placeholders cost a {@link CommandLine} each (picocli's converter registry, the global flags
 * copied in), yet they only matter to a command list. So a group with a subcommand built for real gets
 * its placeholders only when its command list is shown ({@link #addPlaceholders}, called by
 * {@link HelpLayout}); a group without one gets them at once, since picocli tells a bare group from a
 * leaf by its having subcommands. The parse is the same either way: no word of the command line names
 * a placeholder.
 */
final class CommandTree {
    /** The words that may name a command, or {@code null} to build every command. */
    private final Set<String> words;

    private CommandTree(Set<String> words) {
        this.words = words;
    }

    /** Builds every command: for callers that do not know the command line yet. */
    static CommandTree whole() {
        return new CommandTree(null);
    }

    /** Builds the commands {@code args} can reach. */
    static CommandTree forArgs(String[] args) {
        Set<String> words = new HashSet<>();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            words.add(arg);
        }
        return new CommandTree(words);
    }

    /** The command line of {@code command} (a user object or a class) with its reachable subcommands built. */
    CommandLine build(Object command, IFactory factory) {
        CommandLine commandLine = new CommandLine(command, factory);
        Class<?> type = command instanceof Class<?> c ? c : command.getClass();
        Subcommands subcommands = type.getAnnotation(Subcommands.class);
        if (subcommands != null) {
            boolean anyBuilt = false;
            for (Class<?> sub : subcommands.value()) {
                Command annotation = sub.getAnnotation(Command.class);
                if (reachable(annotation)) {
                    commandLine.addSubcommand(annotation.name(), build(sub, factory));
                    anyBuilt = true;
                }
            }
            if (!anyBuilt) {
                addPlaceholders(commandLine.getCommandSpec());
            }
        }
        return commandLine;
    }

    private boolean reachable(Command command) {
        if (words == null || words.contains(command.name())) {
            return true;
        }
        for (String alias : command.aliases()) {
            if (words.contains(alias)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Completes the subcommands of {@code spec} with a placeholder for each one not built, so that its
     * command list is whole. Does nothing for a leaf or a group already complete.
     */
    static void addPlaceholders(CommandSpec spec) {
        Subcommands subcommands = spec.userObject().getClass().getAnnotation(Subcommands.class);
        if (subcommands == null) {
            return;
        }
        for (Class<?> sub : subcommands.value()) {
            Command annotation = sub.getAnnotation(Command.class);
            if (!spec.subcommands().containsKey(annotation.name())) {
                spec.addSubcommand(annotation.name(), placeholder(annotation));
            }
        }
    }

    private static CommandLine placeholder(Command command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new Placeholder());
        spec.name(command.name()).aliases(command.aliases());
        spec.usageMessage().header(command.header()).hidden(command.hidden());
        return new CommandLine(spec);
    }

    /** Whether {@code commandLine} is a placeholder, not a command built for this run. */
    static boolean isPlaceholder(CommandLine commandLine) {
        return commandLine.getCommand() instanceof Placeholder;
    }

    /** The user object of a placeholder: it never runs, since the command line does not name it. */
    private static final class Placeholder {
    }
}
