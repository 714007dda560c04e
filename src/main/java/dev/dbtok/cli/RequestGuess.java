package dev.dbtok.cli;

import java.util.Map;
import java.util.Set;

/**
 * Whether a run will send a request, and to an {@code https://} host, guessed from the raw command line and the
 * environment before anything is parsed, so that {@link dev.dbtok.http.HttpWarmUp} can begin while picocli parses.
 * A wrong guess costs only some background work, never a different result: the guess decides nothing else.
 */
final class RequestGuess {
    /** Words that name a command (or group of commands) that calls a workspace. */
    private static final Set<String> SENDING = Set.of("tokens", "token-management", "workspace-conf", "describe", "profiles");
    /** Flags that make any command print help or the version instead. */
    private static final Set<String> INFO_ONLY = Set.of("-h", "--help", "-v", "--version");

    private RequestGuess() {
    }

    /** Whether a word before {@code --} names a command that calls a workspace, and none asks for help or the version. */
    static boolean sendsRequest(String[] args) {
        boolean sending = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (INFO_ONLY.contains(arg)) {
                return false;
            }
            sending |= SENDING.contains(arg);
        }
        return sending;
    }

    /**
     * Whether {@code DATABRICKS_HOST} names an https host: set, and not {@code http://} (a host without a scheme is
     * read as {@code https://}). Hosts from a profile are known only once the config is resolved (see
     * {@link Session#config()}).
     */
    static boolean hostLooksHttps(Map<String, String> env) {
        String host = env.get("DATABRICKS_HOST");
        return host != null && !host.isBlank() && !host.strip().regionMatches(true, 0, "http://", 0, "http://".length());
    }
}
