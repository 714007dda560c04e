package dev.dbtok.cli;

import java.io.Console;

/**
 * Reads a secret from the terminal without echoing it. Injected through {@link Services} so that tests
 * can answer the prompt; the real one is the system console's password reader.
 */
@FunctionalInterface
public interface SecretPrompt {

    /**
     * Shows {@code prompt} and reads one line with echo off.
     *
     * @return the characters typed, or {@code null} at end of input or when there is no terminal
     */
    char[] read(String prompt);

    /** The system console's {@link Console#readPassword}; {@code null} when there is no console. */
    static SecretPrompt console() {
        return new SystemConsole();
    }

    /** A class, not a lambda: every run builds one at start-up, and a lambda there is generated at run time. */
    final class SystemConsole implements SecretPrompt {
        @Override
        public char[] read(String prompt) {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        }
    }
}
