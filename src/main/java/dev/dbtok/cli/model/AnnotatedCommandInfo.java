package dev.dbtok.cli.model;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** A command's {@link CommandInfo} read from its annotations: for a class the catalog does not hold (yet). */
final class AnnotatedCommandInfo implements CommandInfo {
    private final Command command;
    private final List<String> subcommands;

    AnnotatedCommandInfo(Class<?> type) {
        this.command = type.getAnnotation(Command.class);
        if (command == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Command");
        }
        List<String> names = new ArrayList<>();
        Subcommands subs = type.getAnnotation(Subcommands.class);
        if (subs != null) {
            for (Class<?> sub : subs.value()) {
                names.add(sub.getName());
            }
        }
        this.subcommands = List.copyOf(names);
    }

    @Override
    public String name() {
        return command.name();
    }

    @Override
    public String[] aliases() {
        return command.aliases();
    }

    @Override
    public String[] header() {
        return command.header();
    }

    @Override
    public boolean hidden() {
        return command.hidden();
    }

    @Override
    public List<String> subcommands() {
        return subcommands;
    }
}
