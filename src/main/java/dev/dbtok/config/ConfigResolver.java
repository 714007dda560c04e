package dev.dbtok.config;

import static dev.dbtok.config.ProfileChoice.DEFAULT_SECTION;
import static dev.dbtok.config.ProfileChoice.SETTINGS_SECTION;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Resolves the configuration for one run from the {@code --profile} value, an environment map and
 * the config file (config.md §1–§8). It is a pure function of those inputs: it never reads the
 * process environment, so tests and callers pass exactly what should count.
 *
 * <p>Order of work, mirroring the official CLI so that the same inputs fail with the same message:
 * choose the profile, load sources by precedence mode, check for conflicting credentials, normalise
 * the host, then pick the credential strategy.
 */
public final class ConfigResolver {

    /** With an explicit profile these come from the profile only, never from env (mode A). */
    private static final Set<Attribute> PROFILE_ONLY =
            EnumSet.of(Attribute.WORKSPACE_ID, Attribute.ACCOUNT_ID, Attribute.AUTH_TYPE);

    /**
     * Never taken from a profile section: the profile name is already known when a section is read,
     * and the config file path is already decided.
     */
    private static final Set<Attribute> NOT_FROM_FILE = EnumSet.of(Attribute.PROFILE, Attribute.CONFIG_FILE);

    private final Map<String, String> env;
    private final LazyConfigFile file;
    private final ConfigValues values = new ConfigValues();

    private ConfigResolver(Map<String, String> env) {
        this.env = env;
        this.file = new LazyConfigFile(ConfigFileLocator.locate(env));
    }

    /**
     * @param profileFlag the {@code -p/--profile} value; {@code null} or empty when not given
     * @param env         the environment to read {@code DATABRICKS_*} and {@code HOME} from
     * @throws ConfigException with the complete message to print after {@code Error: }
     */
    public static ResolvedConfig resolve(String profileFlag, Map<String, String> env) {
        return new ConfigResolver(Collections.unmodifiableMap(new HashMap<>(env))).run(profileFlag);
    }

    private ResolvedConfig run(String profileFlag) {
        loadSources(ProfileChoice.choose(profileFlag, env, file));
        CredentialSelector.conflict(values).ifPresent(detail -> {
            throw fail("validate: " + detail);
        });
        boolean hostHasNoName = normalizeHost();
        String authType;
        try {
            authType = CredentialSelector.select(values);
        } catch (CredentialSelector.Failure failure) {
            throw fail(failure.getMessage());
        }
        if (hostHasNoName) {
            // The official CLI only notices this after a strategy accepted the raw host.
            throw new ConfigException("no host configured");
        }
        return build(authType);
    }

    /** config.md §4: the three precedence modes. A value already set is never overwritten. */
    private void loadSources(ProfileChoice choice) {
        switch (choice.mode()) {
            case EXPLICIT -> {
                values.put(Attribute.PROFILE, choice.pinnedProfile(), Origin.flag("--profile"));
                // Non-auth settings (config file, debug options) still come from env first...
                loadEnv(a -> !PROFILE_ONLY.contains(a) && !a.isAuth() && a != Attribute.HOST);
                // ...then the profile, and env only fills the host and credentials it left empty.
                loadProfile(choice.pinnedProfile(), false);
                loadEnv(a -> !PROFILE_ONLY.contains(a));
            }
            case ENV_FIRST -> {
                if (choice.pinnedProfile() != null) {
                    values.put(Attribute.PROFILE, choice.pinnedProfile(), Origin.dynamic());
                }
                loadEnv(a -> true);
                loadProfile(values.string(Attribute.PROFILE), false);
            }
            case NONE -> {
                loadEnv(a -> true);
                // Anything configured through env means the file is not consulted at all.
                if (!values.anyAuthOrHostSet()) {
                    loadProfile(DEFAULT_SECTION, true);
                }
            }
        }
    }

    private void loadEnv(Predicate<Attribute> which) {
        for (Attribute attribute : Attribute.values()) {
            Optional<String> variable = attribute.envVar();
            if (variable.isEmpty() || !which.test(attribute)) {
                continue;
            }
            try {
                values.fill(attribute, env.get(variable.get()), Origin.env(variable.get()));
            } catch (ValueParser.BadValueException e) {
                throw fail("resolve: " + e.getMessage());
            }
        }
    }

    /**
     * Loads one section. A missing file is skipped. A missing or empty section is an error, except
     * for the silent {@code [DEFAULT]} fallback, which then pins the profile name to {@code DEFAULT}.
     */
    private void loadProfile(String profile, boolean fallback) {
        Optional<ConfigFile> config;
        try {
            config = file.load();
        } catch (IOException e) {
            throw fail("resolve: cannot parse config file: " + e.getMessage());
        }
        if (config.isEmpty()) {
            return;
        }
        String path = config.get().path().toString();
        if (SETTINGS_SECTION.equals(profile)) {
            throw fail("resolve: " + path + ": " + SETTINGS_SECTION
                    + " is a reserved section name and cannot be used as a profile");
        }
        Map<String, String> section = config.get().section(profile);
        if (section.isEmpty()) {
            if (fallback) {
                return;
            }
            throw fail("resolve: " + path + " has no " + profile + " profile configured");
        }
        for (Attribute attribute : Attribute.values()) {
            if (NOT_FROM_FILE.contains(attribute)) {
                continue;
            }
            try {
                values.fill(attribute, section.get(attribute.key()), Origin.file(path));
            } catch (ValueParser.BadValueException e) {
                throw fail("resolve: " + path + " " + profile + " profile: " + e.getMessage());
            }
        }
        if (fallback) {
            values.put(Attribute.PROFILE, DEFAULT_SECTION, Origin.dynamic());
        }
    }

    /**
     * Rewrites the host to {@code scheme://host[:port]}, copying IDs from its query into attributes
     * that are still empty.
     *
     * @return whether the host has no hostname at all ({@code /}, {@code ?o=1})
     */
    private boolean normalizeHost() {
        String host = values.string(Attribute.HOST);
        if (host == null) {
            return false;
        }
        Optional<HostNormalizer.Normalized> normalized = HostNormalizer.normalize(host);
        if (normalized.isEmpty()) {
            return true;
        }
        HostNormalizer.Normalized n = normalized.get();
        values.put(Attribute.HOST, n.host(), values.origin(Attribute.HOST));
        fillDerived(Attribute.WORKSPACE_ID, n.workspaceId());
        fillDerived(Attribute.ACCOUNT_ID, n.accountId());
        return false;
    }

    private void fillDerived(Attribute attribute, String value) {
        if (value != null && !values.isSet(attribute)) {
            values.put(attribute, value, Origin.dynamic());
        }
    }

    private ResolvedConfig build(String authType) {
        return new ResolvedConfig(
                values.string(Attribute.HOST),
                values.string(Attribute.ACCOUNT_ID),
                values.string(Attribute.WORKSPACE_ID),
                values.string(Attribute.TOKEN),
                values.string(Attribute.USERNAME),
                values.string(Attribute.PASSWORD),
                values.string(Attribute.PROFILE),
                file.path(),
                values.string(Attribute.CLIENT_ID),
                values.string(Attribute.CLIENT_SECRET),
                values.isSet(Attribute.SCOPES) ? String.join(",", values.list(Attribute.SCOPES))
                        : ResolvedConfig.DEFAULT_SCOPES,
                authType,
                orDefault(values.integer(Attribute.HTTP_TIMEOUT_SECONDS), ResolvedConfig.DEFAULT_HTTP_TIMEOUT_SECONDS),
                orDefault(values.integer(Attribute.DEBUG_TRUNCATE_BYTES), ResolvedConfig.DEFAULT_DEBUG_TRUNCATE_BYTES),
                values.bool(Attribute.DEBUG_HEADERS),
                values.integer(Attribute.RATE_LIMIT),
                orDefault(values.integer(Attribute.RETRY_TIMEOUT_SECONDS), ResolvedConfig.DEFAULT_RETRY_TIMEOUT_SECONDS),
                values.bool(Attribute.DISABLE_RETRIES),
                values.origins());
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Every configuration error carries what was resolved so far, secrets masked. */
    private ConfigException fail(String message) {
        return new ConfigException(message + ConfigSuffix.render(values::display, env));
    }
}
