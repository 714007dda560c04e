package dev.dbtok.cli.configure;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How {@code configure} asks for what is missing: the host on stderr with the answer from stdin, the token
 * through the hidden prompt, or, without a terminal, the token from the first line of stdin.
 */
final class Prompts {
    private final Session session;
    private BufferedReader stdin;

    Prompts(Session session) {
        this.session = session;
    }

    /** Asks until the answer is a usable host. */
    String host() {
        PrintWriter err = session.err();
        while (true) {
            err.print("Databricks workspace host (https://...): ");
            err.flush();
            String answer = readLine();
            if (answer == null) {
                throw new CliException("no host given");
            }
            String problem = HostInput.problem(answer);
            if (problem == null) {
                return HostInput.validate(answer);
            }
            err.print("Invalid host: " + problem + "\n");
        }
    }

    /** The hidden prompt; the characters are wiped once they are a string. */
    String token() {
        char[] typed = session.services().secretPrompt().read("Personal access token: ");
        if (typed == null) {
            throw new CliException("no token given");
        }
        try {
            return checked(new String(typed).strip(), "the token");
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /** The first line of stdin: {@code echo $TOKEN | dbtok configure ...} or {@code < token.txt}. */
    String tokenFromStdin() {
        String line = readLine();
        if (line == null || line.strip().isEmpty()) {
            throw new CliException("no token on stdin: pipe the token in (dbtok configure --host <url> < token.txt),"
                    + " or set DATABRICKS_TOKEN");
        }
        return checked(line.strip(), "the token read from stdin");
    }

    private static String checked(String token, String what) {
        if (token.isEmpty()) {
            throw new CliException(what + " is empty");
        }
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new CliException(what + " contains spaces or control characters");
        }
        return token;
    }

    private String readLine() {
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(session.services().stdin(), StandardCharsets.UTF_8));
        }
        try {
            return stdin.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
