package dev.dbtok.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asks for a missing ID on a terminal: a numbered list on stderr, the choice read from stdin.
 * Without a terminal it fails at once, without loading anything, so scripts get a clear error
 * instead of a hang.
 */
public final class IdPicker {
    /** One entry: the text shown (a token's comment, possibly empty) and the ID it stands for. */
    public record Choice(String label, String id) {
    }

    private final Session session;

    public IdPicker(Session session) {
        this.session = session;
    }

    /**
     * @param label the question, e.g. {@code The ID of the token to be revoked}
     * @param dropDown the list's name in load errors, e.g. {@code Tokens}
     * @param load fetches the choices; called only on a terminal
     */
    public String pick(String label, String dropDown, Supplier<List<Choice>> load) {
        if (!session.services().terminal().interactive()) {
            throw new CliException("expected to have " + label);
        }
        List<Choice> choices;
        try {
            choices = new ArrayList<>(load.get());
        } catch (RuntimeException e) {
            throw new CliException("failed to load names for " + dropDown
                    + " drop-down. Please manually specify required arguments. Original error: " + e.getMessage(), e);
        }
        if (choices.isEmpty()) {
            throw new CliException("expected to have " + label);
        }
        choices.sort(Comparator.comparing(c -> c.label() == null ? "" : c.label()));
        PrintWriter err = session.err();
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            String text = c.label() == null || c.label().isEmpty() ? "(" + c.id() + ")" : c.label() + " (" + c.id() + ")";
            err.print("  " + (i + 1) + ") " + text + "\n");
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(session.services().stdin(), StandardCharsets.UTF_8));
        while (true) {
            err.print(label + " [1-" + choices.size() + "]: ");
            err.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                err.print("\n");
                throw new CliException("expected to have " + label);
            }
            try {
                int n = Integer.parseInt(line.trim());
                if (n >= 1 && n <= choices.size()) {
                    return choices.get(n - 1).id();
                }
            } catch (NumberFormatException e) {
                // Not a number: ask again.
            }
        }
    }
}
