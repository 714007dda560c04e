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
        return prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        };
    }
}
