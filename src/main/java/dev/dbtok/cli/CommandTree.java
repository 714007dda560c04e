package dev.dbtok.cli;

import dev.dbtok.cli.model.CommandCatalog;
import dev.dbtok.cli.model.CommandInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds dbtok's command tree from the subcommands of each command, but only the commands a
 * run can reach. Building picocli's model of a command (its options, converters, the global flags
 * copied into it) is most of dbtok's start-up, and even an empty {@link CommandLine} costs picocli's
 * converter registry and parser settings; so every command the run cannot reach is left out.
 *
 * <p>A command is built for real when its name or an alias is any word of the command line before
 * {@code --}. That is a superset of the path picocli will follow, whatever the options and their
 * values, so a command left out is never parsed into nor run. What is left out still shows: command
 * lists are read from the {@link CommandInfo} of a group's subcommands ({@link #listed}), so help,
 * errors and command lists read the same as with the whole tree built.
 *
 * <p>Commands and their lists come from the {@link CommandCatalog} the build writes, not from the
 * annotations, whose reading at run time costs more than building the model.
 *
 * <p>A group none of whose subcommands is built gets one placeholder, which carries the name of its
 * first subcommand (no word of the command line names it) and is never parsed into: picocli tells a
 * group from a leaf by its having subcommands (a group run bare is a usage error, which
 * {@link ParameterErrorHandler} turns into its help).
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
        CommandCatalog catalog = CommandCatalog.shared();
        Object instance;
        try {
            instance = command instanceof Class<?> c ? factory.create(c) : command;
        } catch (Exception e) {
            throw new CommandLine.InitializationException("Could not instantiate " + command + ": " + e, e);
        }
        CommandLine commandLine = new CommandLine(catalog.spec(instance, factory), factory);
        List<String> subcommands = catalog.info(instance.getClass()).subcommands();
        if (!subcommands.isEmpty()) {
            for (String name : subcommands) {
                Class<?> sub = load(name);
                CommandInfo info = catalog.info(sub);
                if (reachable(info)) {
                    commandLine.addSubcommand(info.name(), build(sub, factory));
                }
            }
            if (commandLine.getSubcommands().isEmpty()) {
                CommandInfo first = catalog.info(load(subcommands.get(0)));
                commandLine.addSubcommand(first.name(), placeholder(first));
            }
        }
        return commandLine;
    }

    private boolean reachable(CommandInfo command) {
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

    private static CommandLine placeholder(CommandInfo command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new Placeholder());
        spec.name(command.name()).aliases(command.aliases());
        return new CommandLine(spec);
    }

    /**
     * The subcommands of {@code spec} as its command list shows them, built or not, in declaration order. Empty
     * for a leaf.
     */
    static List<CommandInfo> listed(CommandSpec spec) {
        CommandCatalog catalog = CommandCatalog.shared();
        List<CommandInfo> listed = new ArrayList<>();
        for (String sub : catalog.info(spec.userObject().getClass()).subcommands()) {
            listed.add(catalog.info(load(sub)));
        }
        return listed;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandTree.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new CommandLine.InitializationException("missing command class " + name, e);
        }
    }

    /** Whether {@code commandLine} is a placeholder, not a command built for this run. */
    static boolean isPlaceholder(CommandLine commandLine) {
        return commandLine.getCommand() instanceof Placeholder;
    }

    /** The user object of a placeholder: it never runs, since the command line does not name it. */
    private static final class Placeholder {
    }
}
