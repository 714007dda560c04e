package dev.dbtok.emulator;

import dev.dbtok.http.model.TokenAccessControlRequest;
import dev.dbtok.http.model.TokenAccessControlResponse;
import dev.dbtok.http.model.TokenPermission;
import dev.dbtok.http.model.TokenPermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Who may create tokens: the {@code /api/2.0/permissions/authorization/tokens} object. The {@code admins} group always
 * has {@code CAN_MANAGE}, which cannot be changed; every other grant is a direct {@code CAN_USE} for a user, a service
 * principal or a group. Every account belongs to the built-in {@code users} group.
 */
final class TokenAcl {
    static final String CAN_USE = "CAN_USE";
    static final String CAN_MANAGE = "CAN_MANAGE";
    static final String ADMINS = "admins";
    static final String USERS = "users";

    /** A grant's principal, in the one field the request used. */
    private record Principal(Kind kind, String name) {
    }

    private enum Kind {
        USER, GROUP, SERVICE_PRINCIPAL
    }

    /** Direct grants, in the order they were first made; the value is the permission level. */
    private final Map<Principal, String> grants = new LinkedHashMap<>();
    /** Groups besides {@code admins} and {@code users}: name → member user names or application IDs. */
    private final Map<String, Set<String>> groups = new LinkedHashMap<>();
    private final Function<String, Account> accounts;

    /** @param accounts finds an account by user name or application ID, or returns null */
    TokenAcl(Function<String, Account> accounts) {
        this.accounts = accounts;
        grants.put(new Principal(Kind.GROUP, USERS), CAN_USE);
    }

    /** Adds a group (seed files only); members must already be accounts. */
    void defineGroup(String name, List<String> members) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name is required");
        }
        if (name.equals(ADMINS) || name.equals(USERS) || groups.containsKey(name)) {
            throw new IllegalArgumentException("group \"" + name + "\" already exists");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String member : members) {
            if (accounts.apply(member) == null) {
                throw new IllegalArgumentException("member \"" + member + "\" is not a user or service principal");
            }
            names.add(member);
        }
        groups.put(name, names);
    }

    /** Whether {@code account} may create tokens: an admin, or {@code CAN_USE} directly or through a group. */
    boolean canUse(Account account) {
        if (account.admin()) {
            return true;
        }
        Principal self = new Principal(account.isServicePrincipal() ? Kind.SERVICE_PRINCIPAL : Kind.USER, account.userName());
        if (grants.containsKey(self) || grants.containsKey(new Principal(Kind.GROUP, USERS))) {
            return true;
        }
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            if (group.getValue().contains(account.userName()) && grants.containsKey(new Principal(Kind.GROUP, group.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code PUT}: the request becomes the whole list of direct grants. */
    void replace(List<TokenAccessControlRequest> request) {
        Map<Principal, String> parsed = parse(request);
        grants.clear();
        grants.putAll(parsed);
    }

    /** {@code PATCH}: the request's grants are added to the existing ones. */
    void update(List<TokenAccessControlRequest> request) {
        grants.putAll(parse(request));
    }

    TokenPermissions describe() {
        List<TokenAccessControlResponse> list = new ArrayList<>();
        list.add(new TokenAccessControlResponse(null, ADMINS, null, null,
                List.of(new TokenPermission(CAN_MANAGE, false, null))));
        grants.forEach((principal, level) -> {
            List<TokenPermission> held = List.of(new TokenPermission(level, false, null));
            Account account = principal.kind() == Kind.GROUP ? null : accounts.apply(principal.name());
            String displayName = account == null ? null : account.displayName();
            list.add(switch (principal.kind()) {
                case USER -> new TokenAccessControlResponse(principal.name(), null, null, displayName, held);
                case GROUP -> new TokenAccessControlResponse(null, principal.name(), null, null, held);
                case SERVICE_PRINCIPAL -> new TokenAccessControlResponse(null, null, principal.name(), displayName, held);
            });
        });
        return new TokenPermissions("authorization/tokens", "tokens", list);
    }

    /** Checks every entry before anything changes, so a bad entry leaves the list as it was. */
    private Map<Principal, String> parse(List<TokenAccessControlRequest> request) {
        Map<Principal, String> parsed = new LinkedHashMap<>();
        for (TokenAccessControlRequest entry : request == null ? List.<TokenAccessControlRequest>of() : request) {
            Principal principal = principal(entry);
            String level = entry.permissionLevel();
            if (level == null || level.isEmpty()) {
                throw ApiError.invalidParameter("Missing required field: permission_level");
            }
            if (level.equals(CAN_MANAGE)) {
                throw ApiError.invalidParameter("Permission CAN_MANAGE on tokens belongs to the admins group only;"
                        + " grant CAN_USE instead");
            }
            if (!level.equals(CAN_USE)) {
                throw ApiError.invalidParameter("Invalid permission level " + level + " for tokens; expected CAN_USE");
            }
            parsed.put(principal, level);
        }
        return parsed;
    }

    private Principal principal(TokenAccessControlRequest entry) {
        int given = (entry.userName() != null ? 1 : 0) + (entry.groupName() != null ? 1 : 0)
                + (entry.servicePrincipalName() != null ? 1 : 0);
        if (given != 1) {
            throw ApiError.invalidParameter(
                    "Each access control entry needs exactly one of user_name, group_name or service_principal_name");
        }
        if (entry.groupName() != null) {
            String group = entry.groupName();
            if (group.equals(ADMINS)) {
                throw ApiError.invalidParameter("The permissions of the admins group on tokens cannot be changed");
            }
            if (!group.equals(USERS) && !groups.containsKey(group)) {
                throw ApiError.invalidParameter("Principal: GroupName(" + group + ") does not exist");
            }
            return new Principal(Kind.GROUP, group);
        }
        if (entry.userName() != null) {
            Account account = accounts.apply(entry.userName());
            if (account == null || account.isServicePrincipal()) {
                throw ApiError.invalidParameter("Principal: UserName(" + entry.userName() + ") does not exist");
            }
            return new Principal(Kind.USER, entry.userName());
        }
        Account account = accounts.apply(entry.servicePrincipalName());
        if (account == null || !account.isServicePrincipal()) {
            throw ApiError.invalidParameter(
                    "Principal: ServicePrincipalName(" + entry.servicePrincipalName() + ") does not exist");
        }
        return new Principal(Kind.SERVICE_PRINCIPAL, entry.servicePrincipalName());
    }
}
