package dev.dbtok.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the workspace an emulator starts with: three default accounts (an admin, a regular user and a service
 * principal), each with a personal access token, then whatever a {@link Seed} adds.
 */
final class WorkspaceSeeder {
    static final long DEFAULT_WORKSPACE_ID = 1234567890123456L;
    static final String ADMIN = "admin@example.com";
    static final String USER = "user@example.com";
    static final String SERVICE_PRINCIPAL = "11111111-2222-3333-4444-555555555555";
    /** Account IDs count up from here: above 2^32, like the IDs workspaces hand out. */
    private static final long FIRST_ACCOUNT_ID = 4_000_000_000_000_001L;
    private static final String PAT_COMMENT = "dbtok emulator";

    private final Workspace workspace;
    private final List<Credential> credentials = new ArrayList<>();
    private long nextId = FIRST_ACCOUNT_ID;

    private WorkspaceSeeder(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The seeded workspace and the credentials of its accounts, default admin first. */
    record Seeded(Workspace workspace, List<Credential> credentials) {
    }

    static Seeded seed(Seed seed, Clock clock, TokenSecrets secrets) {
        long workspaceId = seed.workspaceId() != null ? seed.workspaceId() : DEFAULT_WORKSPACE_ID;
        WorkspaceSeeder seeder = new WorkspaceSeeder(new Workspace(workspaceId, clock, secrets));
        Account admin = seeder.account(ADMIN, "Workspace Admin", Account.Kind.USER, true, null, "emulator", null);
        seeder.account(USER, "Regular User", Account.Kind.USER, false, null, "emulator-user", null);
        seeder.account(SERVICE_PRINCIPAL, "emulator-sp", Account.Kind.SERVICE_PRINCIPAL, false, null, "emulator-sp", admin);
        seeder.apply(seed);
        return new Seeded(seeder.workspace, List.copyOf(seeder.credentials));
    }

    private void apply(Seed seed) {
        forEach("users", seed.users(), user -> account(required(user.userName(), "user_name"), user.displayName(),
                Account.Kind.USER, Boolean.TRUE.equals(user.admin()), user.token(), null, null));
        forEach("service_principals", seed.servicePrincipals(), sp -> account(required(sp.applicationId(), "application_id"),
                sp.displayName(), Account.Kind.SERVICE_PRINCIPAL, Boolean.TRUE.equals(sp.admin()), sp.token(), null, null));
        forEach("groups", seed.groups(), group -> workspace.acl().defineGroup(group.name(),
                group.members() == null ? List.of() : group.members()));
        forEach("tokens", seed.tokens(), this::token);
        if (seed.permissions() != null) {
            onEntry("permissions", () -> workspace.acl().replace(seed.permissions()));
        }
        if (seed.workspaceConf() != null) {
            for (Map.Entry<String, String> entry : seed.workspaceConf().entrySet()) {
                onEntry("workspace_conf." + entry.getKey(), () -> workspace.conf().define(entry.getKey(), entry.getValue()));
            }
        }
    }

    /**
     * Adds an account with a never-expiring PAT, so that a long-running emulator keeps accepting it. A service
     * principal's PAT is an on-behalf-of token made by {@code creator}.
     */
    private Account account(String userName, String displayName, Account.Kind kind, boolean admin, String token,
                            String profile, Account creator) {
        Account account = new Account(nextId++, userName, displayName == null ? userName : displayName, kind, admin);
        workspace.addAccount(account);
        String value = token != null ? required(token, "token") : workspace.newTokenValue();
        workspace.addToken(value, account, creator != null ? creator : account, workspace.now(), -1, PAT_COMMENT, null);
        credentials.add(new Credential(account, value, profile));
        return account;
    }

    private void token(Seed.Token token) {
        Account owner = existing(token.owner(), "owner");
        Account creator = token.createdBy() == null ? owner : existing(token.createdBy(), "created_by");
        long creation = token.creationTime() != null ? token.creationTime() : workspace.now();
        if (token.expiryTime() != null && token.lifetimeSeconds() != null) {
            throw new IllegalArgumentException("give expiry_time or lifetime_seconds, not both");
        }
        long expiry = token.expiryTime() != null ? token.expiryTime()
                : creation + 1000 * (token.lifetimeSeconds() != null ? token.lifetimeSeconds()
                        : Workspace.DEFAULT_LIFETIME.toSeconds());
        String value = token.value() != null ? required(token.value(), "value") : workspace.newTokenValue();
        workspace.addToken(value, owner, creator, creation, expiry, token.comment(), token.scopes());
    }

    private Account existing(String userName, String field) {
        Account account = workspace.account(required(userName, field));
        if (account == null) {
            throw new IllegalArgumentException(field + " \"" + userName + "\" is not a user or service principal");
        }
        return account;
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private interface Entry<T> {
        void accept(T value);
    }

    /** Applies each entry of a list, naming the entry ({@code users[2]: ...}) in any error. */
    private static <T> void forEach(String name, List<T> entries, Entry<T> action) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            onEntry(name + "[" + i + "]", () -> {
                if (entry == null) {
                    throw new IllegalArgumentException("must be an object, not null");
                }
                action.accept(entry);
            });
        }
    }

    private static void onEntry(String where, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | ApiError e) {
            throw new SeedException(where + ": " + e.getMessage());
        }
    }
}
