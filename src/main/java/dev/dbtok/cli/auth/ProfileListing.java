package dev.dbtok.cli.auth;

import dev.dbtok.cli.Session;
import dev.dbtok.config.ConfigException;
import dev.dbtok.config.ConfigFile;
import dev.dbtok.config.ConfigResolver;
import dev.dbtok.config.HostNormalizer;
import dev.dbtok.config.ResolvedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code auth profiles}: every section with a {@code host} or an {@code account_id}, resolved from
 * the file alone (as {@code -p <name>} would resolve it with no environment, so the shell's variables do not
 * colour the answer) and checked by {@link ProfileValidator}.
 */
final class ProfileListing {
    private ProfileListing() {
    }

    /**
     * @param path the config file's path, for resolving each profile as {@code -p <name>} would with no environment
     * @param skip whether to skip the checks (every profile is then "not valid")
     */
    static List<ProfileMetadata> list(Session session, ConfigFile file, Path path, boolean skip) {
        Map<String, String> env = fileOnly(session.services().env(), path);
        String defaultProfile = file.defaultProfileSetting().orElse(null);
        List<String> names = new ArrayList<>();
        for (String name : file.sectionNames()) {
            Map<String, String> section = file.section(name);
            if (!isEmpty(section.get("host")) || !isEmpty(section.get("account_id"))) {
                names.add(name);
            }
        }
        List<ResolvedConfig> resolved = new ArrayList<>();
        for (String name : names) {
            resolved.add(skip ? null : resolveQuietly(name, env));
        }
        List<Boolean> valid = skip ? resolved.stream().map(config -> false).toList() : validate(session, resolved);
        List<ProfileMetadata> profiles = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Map<String, String> section = file.section(name);
            ResolvedConfig config = resolved.get(i);
            String host = config != null ? config.host() : normalized(section.get("host"));
            String authType = config != null ? config.authType() : section.getOrDefault("auth_type", "");
            profiles.add(new ProfileMetadata(name, blankToNull(host), blankToNull(section.get("account_id")),
                    blankToNull(section.get("workspace_id")), Clouds.of(host), authType, valid.get(i),
                    name.equals(defaultProfile) ? Boolean.TRUE : null));
        }
        return profiles;
    }

    /** Profiles that do not resolve are not valid; the others are checked, all at once. */
    private static List<Boolean> validate(Session session, List<ResolvedConfig> resolved) {
        List<Boolean> valid = new ArrayList<>();
        List<ResolvedConfig> usable = new ArrayList<>();
        for (ResolvedConfig config : resolved) {
            if (config != null) {
                session.warnIfPlainHttp(config.host());
                // Each profile's answers go through the run's log (the dump under --debug): mask its secrets too.
                session.log().hide(config.token(), config.password(), config.clientSecret());
                usable.add(config);
            }
        }
        List<Boolean> answers = new ProfileValidator(config -> session.services().clients().apply(config, session.log()),
                ProfileValidator.DEFAULT_TIMEOUT)
                .validate(usable);
        int next = 0;
        for (ResolvedConfig config : resolved) {
            valid.add(config != null && answers.get(next++));
        }
        return valid;
    }

    /** Only what locates the file: the profile alone decides, as if dbtok ran with an empty environment. */
    private static Map<String, String> fileOnly(Map<String, String> env, Path path) {
        Map<String, String> only = new HashMap<>();
        if (env.get("HOME") != null) {
            only.put("HOME", env.get("HOME"));
        }
        only.put("DATABRICKS_CONFIG_FILE", path.toString());
        return only;
    }

    /** {@code null} when the profile does not resolve (no credentials, bad values): it is then not valid. */
    private static ResolvedConfig resolveQuietly(String name, Map<String, String> env) {
        try {
            return ConfigResolver.resolve(name, env);
        } catch (ConfigException unusable) {
            return null;
        }
    }

    private static String normalized(String host) {
        if (isEmpty(host)) {
            return null;
        }
        return HostNormalizer.normalize(host).map(HostNormalizer.Normalized::host).orElse(host);
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String blankToNull(String s) {
        return isEmpty(s) ? null : s;
    }
}
