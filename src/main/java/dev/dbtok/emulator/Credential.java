package dev.dbtok.emulator;

/**
 * An account and a personal access token that authenticates as it: what {@code dbtok emulator} prints and
 * {@code dbtok emulator exec} hands to its command.
 *
 * @param profile the profile name {@code exec} writes for it ({@code emulator}, {@code emulator-user}, ...), or
 *                null when it gets none
 */
public record Credential(Account account, String token, String profile) {
    /** The token value is a secret, even a local one: never show it through {@code toString()}. */
    @Override
    public String toString() {
        return "Credential[account=" + account.userName() + ", profile=" + profile + ", token=***]";
    }
}
