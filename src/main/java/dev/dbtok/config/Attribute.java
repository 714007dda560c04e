package dev.dbtok.config;

import java.util.Optional;

/**
 * Every configuration attribute dbtok understands, in the official CLI's order. The order matters:
 * it is the order of the {@code Config:} and {@code Env:} lists in error suffixes, and the order in
 * which a profile's keys are applied (so a bad value reports the first offending key).
 */
public enum Attribute {
    HOST("host", "DATABRICKS_HOST", Kind.STRING, null, false, false),
    ACCOUNT_ID("account_id", "DATABRICKS_ACCOUNT_ID", Kind.STRING, null, false, false),
    WORKSPACE_ID("workspace_id", "DATABRICKS_WORKSPACE_ID", Kind.STRING, null, false, false),
    TOKEN("token", "DATABRICKS_TOKEN", Kind.STRING, "pat", true, false),
    USERNAME("username", "DATABRICKS_USERNAME", Kind.STRING, "basic", false, false),
    PASSWORD("password", "DATABRICKS_PASSWORD", Kind.STRING, "basic", true, false),
    PROFILE("profile", "DATABRICKS_CONFIG_PROFILE", Kind.STRING, null, false, false),
    CONFIG_FILE("config_file", "DATABRICKS_CONFIG_FILE", Kind.STRING, null, false, false),
    CLIENT_ID("client_id", "DATABRICKS_CLIENT_ID", Kind.STRING, "oauth", false, false),
    CLIENT_SECRET("client_secret", "DATABRICKS_CLIENT_SECRET", Kind.STRING, "oauth", true, false),
    // The attributes below are "internal" in the official CLI: they steer behaviour but never
    // appear in the Config:/Env: suffix of an error.
    SCOPES("scopes", null, Kind.LIST, null, false, true),
    AUTH_TYPE("auth_type", "DATABRICKS_AUTH_TYPE", Kind.STRING, null, false, true),
    HTTP_TIMEOUT_SECONDS("http_timeout_seconds", null, Kind.INT, null, false, true),
    DEBUG_TRUNCATE_BYTES("debug_truncate_bytes", "DATABRICKS_DEBUG_TRUNCATE_BYTES", Kind.INT, null, false, true),
    DEBUG_HEADERS("debug_headers", "DATABRICKS_DEBUG_HEADERS", Kind.BOOL, null, false, true),
    RATE_LIMIT("rate_limit", "DATABRICKS_RATE_LIMIT", Kind.INT, null, false, true),
    RETRY_TIMEOUT_SECONDS("retry_timeout_seconds", null, Kind.INT, null, false, true),
    // Not in the official CLI: the opt-out of the official Java SDK.
    DISABLE_RETRIES("disable_retries", "DATABRICKS_DISABLE_RETRIES", Kind.BOOL, null, false, true);

    /** How a raw string is turned into a value; each kind has its own "zero" that counts as unset. */
    public enum Kind { STRING, INT, BOOL, LIST }

    private final String key;
    private final String envVar;
    private final Kind kind;
    private final String authGroup;
    private final boolean sensitive;
    private final boolean internal;

    Attribute(String key, String envVar, Kind kind, String authGroup, boolean sensitive, boolean internal) {
        this.key = key;
        this.envVar = envVar;
        this.kind = kind;
        this.authGroup = authGroup;
        this.sensitive = sensitive;
        this.internal = internal;
    }

    /** The key in {@code .databrickscfg}, also the name shown in {@code Config: name=value}. */
    public String key() {
        return key;
    }

    public Optional<String> envVar() {
        return Optional.ofNullable(envVar);
    }

    public Kind kind() {
        return kind;
    }

    /** {@code pat}, {@code basic} or {@code oauth} for credential attributes; empty otherwise. */
    public Optional<String> authGroup() {
        return Optional.ofNullable(authGroup);
    }

    public boolean isAuth() {
        return authGroup != null;
    }

    /** Sensitive values are always shown as {@code ***}. */
    public boolean sensitive() {
        return sensitive;
    }

    /** Whether the attribute takes part in the {@code . Config: ... . Env: ...} error suffix. */
    public boolean inErrorSuffix() {
        return !internal;
    }

    public static Optional<Attribute> byKey(String key) {
        for (Attribute a : values()) {
            if (a.key.equals(key)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
