package dev.dbtok.config;

import static dev.dbtok.config.ProfileChoice.DEFAULT_SECTION;
import static dev.dbtok.config.ProfileChoice.SETTINGS_SECTION;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
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

    private static final String BUNDLE_FAILURE = "cannot resolve bundle auth configuration: ";

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
        return resolve(profileFlag, env, null);
    }

    /**
     * Resolution inside a bundle: the selected target's {@code workspace.host} and
     * {@code workspace.profile} take part as the official CLI lets them (see {@link #loadBundleSources}).
     * Every failure then starts with {@code cannot resolve bundle auth configuration: }.
     *
     * @param bundle the bundle's workspace, or {@code null} outside a bundle (same as {@link #resolve(String, Map)})
     */
    public static ResolvedConfig resolve(String profileFlag, Map<String, String> env, BundleWorkspace bundle) {
        ConfigResolver resolver = new ConfigResolver(Collections.unmodifiableMap(new HashMap<>(env)));
        if (bundle == null) {
            return resolver.run(profileFlag);
        }
        try {
            return resolver.runInBundle(profileFlag, bundle);
        } catch (ConfigException e) {
            throw e.prefixed(BUNDLE_FAILURE);
        }
    }

    private ResolvedConfig run(String profileFlag) {
        loadSources(ProfileChoice.choose(profileFlag, env, file));
        return validateAndSelect(null);
    }

    private ResolvedConfig runInBundle(String profileFlag, BundleWorkspace bundle) {
        String profile = loadBundleSources(profileFlag, bundle);
        return validateAndSelect(profile != null && bundle.host() != null ? profile : null);
    }

    /**
     * Conflict check, host normalisation, (in a bundle) the profile-host agreement, then the credential
     * strategy: the official CLI's order, so that the same inputs fail with the same message.
     */
    private ResolvedConfig validateAndSelect(String profileToMatchBundleHost) {
        CredentialSelector.conflict(values).ifPresent(detail -> {
            throw fail("validate: " + detail);
        });
        boolean hostHasNoName = normalizeHost();
        if (profileToMatchBundleHost != null && !hostHasNoName) {
            checkProfileMatchesBundleHost(profileToMatchBundleHost);
        }
        String authType;
        try {
            authType = CredentialSelector.select(values);
        } catch (CredentialSelector.Failure failure) {
            throw fail(failure.getMessage());
        }
        if (hostHasNoName) {
            // The official CLI only notices this after a strategy accepted the raw host.
            throw new ConfigException("no host configured", values.snapshot(), List.of());
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
        Optional<ConfigFile> config = loadFile();
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
     * The official CLI's bundle rules. The profile is {@code -p}, else {@code DATABRICKS_CONFIG_PROFILE},
     * else the bundle's {@code workspace.profile}, else, only when the bundle names no host either,
     * {@code [__settings__] default_profile}. The bundle's host is set first and never overwritten.
     * <ul>
     *   <li>With a profile, it is loaded as an explicit one (mode A: it beats auth env vars), and its
     *       host must agree with the bundle's ({@link #checkProfileMatchesBundleHost}).</li>
     *   <li>With a host only, env loads first; if it configures no credentials, the one profile whose
     *       host matches is loaded (several matches are an error unless {@code workspace_id} picks one).</li>
     *   <li>With neither, resolution is as outside a bundle without a profile (mode C).</li>
     * </ul>
     *
     * @return the profile that was loaded by name, or {@code null}
     */
    private String loadBundleSources(String profileFlag, BundleWorkspace bundle) {
        String profile = null;
        Origin origin = null;
        String envProfile = env.get(Attribute.PROFILE.envVar().orElseThrow());
        if (isSet(profileFlag)) {
            profile = profileFlag;
            origin = Origin.flag("--profile");
        } else if (isSet(envProfile)) {
            profile = envProfile;
            origin = Origin.env(Attribute.PROFILE.envVar().orElseThrow());
        } else if (bundle.profile() != null) {
            profile = bundle.profile();
            origin = Origin.bundle();
        } else if (bundle.host() == null) {
            // A bundle that pins no host may use the configured default profile as if it were named.
            // [DEFAULT] is not pinned this way; it stays the silent fallback of mode C below.
            profile = file.loadQuietly().flatMap(ConfigFile::defaultProfileSetting).orElse(null);
            origin = Origin.bundle();
        }
        if (bundle.host() != null) {
            putBundleHost(bundle.host());
        }
        if (profile != null) {
            values.put(Attribute.PROFILE, profile, origin);
            loadEnv(a -> !PROFILE_ONLY.contains(a) && !a.isAuth() && a != Attribute.HOST);
            loadProfile(profile, false);
            loadEnv(a -> !PROFILE_ONLY.contains(a));
            return profile;
        }
        loadEnv(a -> true);
        if (bundle.host() != null) {
            if (!values.anyAuthSet() && !values.isSet(Attribute.AUTH_TYPE)) {
                loadProfileMatchingHost();
            }
        } else if (!values.anyAuthOrHostSet()) {
            loadProfile(DEFAULT_SECTION, true);
        }
        return null;
    }

    /**
     * The bundle's host, normalised at once: IDs in its query ({@code ?o=}) must be known before a profile
     * is matched by host, as the official CLI extracts them first.
     */
    private void putBundleHost(String host) {
        Optional<HostNormalizer.Normalized> normalized = HostNormalizer.normalize(host);
        if (normalized.isEmpty()) {
            values.put(Attribute.HOST, host, Origin.bundle());
            return;
        }
        values.put(Attribute.HOST, normalized.get().host(), Origin.bundle());
        if (normalized.get().workspaceId() != null) {
            values.put(Attribute.WORKSPACE_ID, normalized.get().workspaceId(), Origin.bundle());
        }
        if (normalized.get().accountId() != null) {
            values.put(Attribute.ACCOUNT_ID, normalized.get().accountId(), Origin.bundle());
        }
    }

    /** A bundle host with no credentials picks the one profile for that host, if there is exactly one. */
    private void loadProfileMatchingHost() {
        Optional<ConfigFile> config = loadFile();
        if (config.isEmpty()) {
            return;
        }
        String host = normalized(values.string(Attribute.HOST));
        List<String> matches = sectionsWithHost(config.get(), host);
        String workspaceId = values.string(Attribute.WORKSPACE_ID);
        if (matches.size() > 1 && workspaceId != null) {
            List<String> byWorkspace = matches.stream()
                    .filter(name -> workspaceId.equals(config.get().section(name).get("workspace_id")))
                    .toList();
            if (!byWorkspace.isEmpty()) {
                matches = byWorkspace;
            }
        }
        if (matches.size() > 1) {
            throw new ConfigException("resolve: " + host + ": multiple profiles matched: " + String.join(", ", matches)
                    + ": please set DATABRICKS_CONFIG_PROFILE or provide --profile flag to specify one"
                    + ConfigSuffix.render(values::display, env), values.snapshot(), matches);
        }
        if (matches.size() == 1) {
            loadProfile(matches.get(0), false);
            values.put(Attribute.PROFILE, matches.get(0), Origin.dynamic());
        }
    }

    /**
     * A profile chosen for a bundle must point at the bundle's workspace, or commands would act on
     * another one. A profile without a host is fine: the bundle's host is used with it.
     */
    private void checkProfileMatchesBundleHost(String profile) {
        Optional<ConfigFile> config = file.loadQuietly();
        String raw = config.map(c -> c.section(profile).get("host")).orElse(null);
        if (raw == null || raw.isEmpty()) {
            return;
        }
        String profileHost = normalized(raw);
        String bundleHost = values.string(Attribute.HOST);
        if (profileHost.equals(bundleHost)) {
            return;
        }
        String message = "the host in the profile (" + profileHost + ") doesn\u2019t match the host configured in the bundle ("
                + bundleHost + ")";
        List<String> matching = sectionsWithHost(config.get(), bundleHost);
        if (matching.size() == 1) {
            String other = matching.get(0);
            message += ". The profile \"" + other + "\" has host=\"" + bundleHost
                    + "\" that matches host in the bundle. To select it, pass \"-p " + other + "\"";
        }
        throw new ConfigException(message, values.snapshot(), List.of());
    }

    private static List<String> sectionsWithHost(ConfigFile config, String host) {
        List<String> names = new ArrayList<>();
        for (String name : config.sectionNames()) {
            String candidate = config.section(name).get("host");
            if (candidate != null && !candidate.isEmpty() && normalized(candidate).equals(host)) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@code scheme://host[:port]}, or the text itself when it has no host name. */
    private static String normalized(String host) {
        return HostNormalizer.normalize(host).map(HostNormalizer.Normalized::host).orElse(host);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    /** The config file, read at most once; empty when missing. */
    private Optional<ConfigFile> loadFile() {
        try {
            return file.load();
        } catch (IOException e) {
            throw fail("resolve: cannot parse config file: " + e.getMessage());
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
        return new ConfigException(message + ConfigSuffix.render(values::display, env), values.snapshot(), List.of());
    }
}
