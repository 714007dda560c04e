package dev.dbtok.emulator;

/**
 * A principal of the emulated workspace. For a service principal, {@code userName} is its application ID, the name
 * workspaces use for it in tokens ({@code created_by_username}) and in permissions ({@code service_principal_name}).
 *
 * @param id          the numeric ID ({@code created_by_id}, {@code owner_id}); above 2^32, like real IDs
 * @param userName    an email address, or a service principal's application ID
 * @param displayName the name shown in permission listings
 * @param admin       member of the {@code admins} group
 */
public record Account(long id, String userName, String displayName, Kind kind, boolean admin) {

    /** What kind of principal the account is. */
    public enum Kind {
        USER("user"),
        SERVICE_PRINCIPAL("service principal");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the account is described to people ({@code user}, {@code service principal}). */
        public String label() {
            return label;
        }
    }

    public boolean isServicePrincipal() {
        return kind == Kind.SERVICE_PRINCIPAL;
    }
}
