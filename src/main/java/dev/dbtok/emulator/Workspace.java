package dev.dbtok.emulator;

import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateOboTokenResponse;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.CreateTokenResponse;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.TokenAccessControlRequest;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.TokenPermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of the emulated workspace (accounts, tokens, permissions, settings) and the rules a real workspace applies
 * to it. Every method is one request's worth of work under the workspace's lock, so concurrent requests see a
 * consistent workspace.
 */
final class Workspace {
    /** Tokens per user and per service principal (expired ones do not count). */
    static final int TOKEN_QUOTA = 600;
    /** What a token gets when no lifetime is asked for: two years. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(730);

    private static final long SECONDS_PER_DAY = 86_400;
    private static final String TOKEN_MANAGEMENT_ADMINS_ONLY = "Only Admins can access token management APIs.";
    private static final String PERMISSIONS_ADMINS_ONLY = "Only Admins can manage token permissions.";
    private static final String CONF_ADMINS_ONLY = "Only Admins can access workspace configuration.";
    private static final String TOKENS_DISABLED = "Personal access tokens are disabled for this workspace.";

    private final Clock clock;
    private final TokenSecrets secrets;
    private final long workspaceId;
    private final Map<Long, Account> accountsById = new LinkedHashMap<>();
    private final Map<String, Account> accountsByName = new HashMap<>();
    /** By token ID, in creation order. */
    private final Map<String, StoredToken> tokens = new LinkedHashMap<>();
    private final WorkspaceConf conf = new WorkspaceConf();
    private final TokenAcl acl = new TokenAcl(accountsByName::get);

    Workspace(long workspaceId, Clock clock, TokenSecrets secrets) {
        this.workspaceId = workspaceId;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** A newly minted token and the only copy of its value. */
    record Minted(StoredToken token, String value) {
        @Override
        public String toString() {
            return "Minted[token=" + token.id() + ", value=***]";
        }
    }

    // --- Set-up (seeding). ---

    synchronized void addAccount(Account account) {
        if (accountsByName.containsKey(account.userName())) {
            throw new IllegalArgumentException("\"" + account.userName() + "\" is already an account");
        }
        accountsById.put(account.id(), account);
        accountsByName.put(account.userName(), account);
    }

    synchronized Account account(String userName) {
        return accountsByName.get(userName);
    }

    /** Stores a token whose value the caller chose (a seed file) or that was just generated. */
    synchronized StoredToken addToken(String value, Account owner, Account createdBy, long creationTime, long expiryTime,
                                      String comment, List<String> scopes) {
        String id = TokenSecrets.idOf(value);
        if (tokens.containsKey(id)) {
            throw new IllegalArgumentException("the same token value is given twice");
        }
        StoredToken token = new StoredToken(id, owner.id(), createdBy.id(), createdBy.userName(), creationTime,
                expiryTime, comment, scopes, null);
        tokens.put(id, token);
        return token;
    }

    synchronized String newTokenValue() {
        return secrets.newValue();
    }

    synchronized long now() {
        return clock.millis();
    }

    WorkspaceConf conf() {
        return conf;
    }

    TokenAcl acl() {
        return acl;
    }

    long workspaceId() {
        return workspaceId;
    }

    // --- Authentication. ---

    /** The account a bearer token value authenticates as; records the day of use. */
    synchronized Account authenticate(String value) {
        StoredToken token = tokens.get(TokenSecrets.idOf(value));
        long now = clock.millis();
        if (token == null || token.isExpired(now)) {
            throw ApiError.invalidToken();
        }
        Account owner = accountsById.get(token.ownerId());
        if (!conf.tokensEnabled() && !owner.admin()) {
            // Workspaces stop accepting every PAT; admins keep theirs here so they can switch tokens back on.
            throw ApiError.permissionDenied(TOKENS_DISABLED);
        }
        tokens.put(token.id(), token.usedOn(now - Math.floorMod(now, SECONDS_PER_DAY * 1000)));
        return owner;
    }

    // --- /api/2.0/token: the caller's own tokens. ---

    synchronized CreateTokenResponse createToken(Account caller, CreateTokenRequest request) {
        Minted minted = mint(caller, caller, request.lifetimeSeconds(), request.comment(), request.scopes());
        return new CreateTokenResponse(minted.token().toPublic(), minted.value());
    }

    synchronized List<PublicTokenInfo> listOwnTokens(Account caller) {
        List<PublicTokenInfo> own = new ArrayList<>();
        for (StoredToken token : tokens.values()) {
            if (token.ownerId() == caller.id()) {
                own.add(token.toPublic());
            }
        }
        return own;
    }

    synchronized void revokeOwnToken(Account caller, String tokenId) {
        requireField("token_id", tokenId);
        tokens.remove(ownToken(caller, tokenId).id());
    }

    synchronized void updateOwnToken(Account caller, String tokenId, PublicTokenInfo changes, String updateMask) {
        StoredToken token = ownToken(caller, tokenId);
        PublicTokenInfo given = changes != null ? changes : new PublicTokenInfo(null, null, null, null, null, null, null, null);
        tokens.put(token.id(), applyMask(token, updateMask, given.comment(), given.scopes()));
    }

    // --- /api/2.0/token-management: every token, for admins. ---

    synchronized CreateOboTokenResponse createOboToken(Account caller, CreateOboTokenRequest request) {
        requireAdmin(caller, TOKEN_MANAGEMENT_ADMINS_ONLY);
        requireField("application_id", request.applicationId());
        Account principal = accountsByName.get(request.applicationId());
        if (principal == null || !principal.isServicePrincipal()) {
            throw ApiError.notFound("Service principal with application ID " + request.applicationId() + " does not exist");
        }
        Minted minted = mint(principal, caller, request.lifetimeSeconds(), request.comment(), request.scopes());
        return new CreateOboTokenResponse(minted.token().toInfo(workspaceId), minted.value());
    }

    synchronized TokenInfo getToken(Account caller, String tokenId) {
        requireAdmin(caller, TOKEN_MANAGEMENT_ADMINS_ONLY);
        return anyToken(tokenId).toInfo(workspaceId);
    }

    /** @param createdById 0 or null for any creator; @param createdByUsername null or empty for any */
    synchronized List<TokenInfo> listTokens(Account caller, Long createdById, String createdByUsername) {
        requireAdmin(caller, TOKEN_MANAGEMENT_ADMINS_ONLY);
        List<TokenInfo> list = new ArrayList<>();
        for (StoredToken token : tokens.values()) {
            boolean byId = createdById == null || createdById == 0 || token.createdById() == createdById;
            boolean byName = createdByUsername == null || createdByUsername.isEmpty()
                    || token.createdByUsername().equals(createdByUsername);
            if (byId && byName) {
                list.add(token.toInfo(workspaceId));
            }
        }
        return list;
    }

    synchronized void deleteToken(Account caller, String tokenId) {
        requireAdmin(caller, TOKEN_MANAGEMENT_ADMINS_ONLY);
        tokens.remove(anyToken(tokenId).id());
    }

    synchronized TokenInfo updateToken(Account caller, String tokenId, TokenInfo changes, String updateMask) {
        requireAdmin(caller, TOKEN_MANAGEMENT_ADMINS_ONLY);
        StoredToken token = anyToken(tokenId);
        String comment = changes == null ? null : changes.comment();
        List<String> scopes = changes == null ? null : changes.scopes();
        StoredToken updated = applyMask(token, updateMask, comment, scopes);
        tokens.put(updated.id(), updated);
        return updated.toInfo(workspaceId);
    }

    // --- /api/2.0/permissions/authorization/tokens. ---

    synchronized TokenPermissions permissions(Account caller) {
        requireAdmin(caller, PERMISSIONS_ADMINS_ONLY);
        return acl.describe();
    }

    synchronized void requirePermissionsAdmin(Account caller) {
        requireAdmin(caller, PERMISSIONS_ADMINS_ONLY);
    }

    synchronized TokenPermissions setPermissions(Account caller, List<TokenAccessControlRequest> grants) {
        requireAdmin(caller, PERMISSIONS_ADMINS_ONLY);
        acl.replace(grants);
        return acl.describe();
    }

    synchronized TokenPermissions updatePermissions(Account caller, List<TokenAccessControlRequest> grants) {
        requireAdmin(caller, PERMISSIONS_ADMINS_ONLY);
        acl.update(grants);
        return acl.describe();
    }

    // --- /api/2.0/workspace-conf. ---

    synchronized Map<String, String> getConf(Account caller, String keys) {
        requireAdmin(caller, CONF_ADMINS_ONLY);
        return conf.get(keys);
    }

    synchronized void setConf(Account caller, Map<String, String> changes) {
        requireAdmin(caller, CONF_ADMINS_ONLY);
        conf.set(changes);
    }

    // --- Rules. ---

    /** Creates a token after the checks a workspace makes, in its order: enabled, permitted, lifetime, quota. */
    private Minted mint(Account owner, Account createdBy, Long lifetimeSeconds, String comment, List<String> scopes) {
        if (!conf.tokensEnabled()) {
            throw ApiError.permissionDenied(TOKENS_DISABLED);
        }
        if (!acl.canUse(owner)) {
            throw ApiError.permissionDenied(owner.userName() + " does not have the CAN_USE permission on tokens;"
                    + " a workspace admin can grant it with token-management update-permissions");
        }
        long now = clock.millis();
        long expiry = expiryTime(now, lifetimeSeconds == null ? 0 : lifetimeSeconds);
        long live = tokens.values().stream().filter(t -> t.ownerId() == owner.id() && !t.isExpired(now)).count();
        if (live >= TOKEN_QUOTA) {
            throw ApiError.quotaExceeded(TOKEN_QUOTA);
        }
        String value = secrets.newValue();
        return new Minted(addToken(value, owner, createdBy, now, expiry, emptyToNull(comment), scopes), value);
    }

    /**
     * No lifetime (or 0) gives the default two years, shortened to {@code maxTokenLifetimeDays} when that is set; a
     * negative lifetime means "never expires", which a lifetime cap forbids, as does any lifetime beyond the cap.
     */
    private long expiryTime(long now, long lifetimeSeconds) {
        long maxDays = conf.maxTokenLifetimeDays();
        long maxSeconds = maxDays * SECONDS_PER_DAY;
        if (lifetimeSeconds == 0) {
            long seconds = DEFAULT_LIFETIME.toSeconds();
            return now + 1000 * (maxDays > 0 ? Math.min(seconds, maxSeconds) : seconds);
        }
        if (maxDays > 0 && (lifetimeSeconds < 0 || lifetimeSeconds > maxSeconds)) {
            throw ApiError.invalidParameter("Invalid lifetime_seconds " + lifetimeSeconds
                    + ": new tokens in this workspace must expire within " + maxDays + " days (" + maxSeconds
                    + " seconds), as set by maxTokenLifetimeDays");
        }
        if (lifetimeSeconds < 0) {
            return -1;
        }
        if (lifetimeSeconds > (Long.MAX_VALUE - now) / 1000) {
            throw ApiError.invalidParameter("Invalid lifetime_seconds " + lifetimeSeconds + ": too large");
        }
        return now + lifetimeSeconds * 1000;
    }

    private static StoredToken applyMask(StoredToken token, String updateMask, String comment, List<String> scopes) {
        requireField("update_mask", updateMask);
        StoredToken updated = token;
        for (String field : updateMask.split(",", -1)) {
            switch (field.trim()) {
                case "comment" -> updated = updated.withComment(emptyToNull(comment));
                case "scopes" -> updated = updated.withScopes(scopes);
                default -> throw ApiError.invalidParameter("Invalid update_mask field \"" + field.trim()
                        + "\"; the fields that can be updated are comment and scopes");
            }
        }
        return updated;
    }

    private StoredToken ownToken(Account caller, String tokenId) {
        StoredToken token = tokenId == null ? null : tokens.get(tokenId);
        if (token == null || token.ownerId() != caller.id()) {
            throw ApiError.tokenNotFound(tokenId);
        }
        return token;
    }

    private StoredToken anyToken(String tokenId) {
        StoredToken token = tokens.get(tokenId);
        if (token == null) {
            throw ApiError.tokenNotFound(tokenId);
        }
        return token;
    }

    private static void requireAdmin(Account caller, String message) {
        if (!caller.admin()) {
            throw ApiError.permissionDenied(message);
        }
    }

    private static void requireField(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiError.invalidParameter("Missing required field: " + name);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
