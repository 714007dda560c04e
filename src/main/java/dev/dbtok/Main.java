package dev.dbtok;

import dev.dbtok.cli.Cli;

/** Entry point of the {@code dbtok} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
