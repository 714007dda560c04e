package dev.dbtok.cli.model;

import java.util.List;

/** What a command list shows of a command, and the classes of its subcommands ({@link Subcommands}). */
public interface CommandInfo {
    String name();

    String[] aliases();

    /** The first line is the command's one-line summary. */
    String[] header();

    boolean hidden();

    /** The class names of the subcommands, in declaration order; empty for a leaf. */
    List<String> subcommands();
}
