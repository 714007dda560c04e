package dev.dbtok.config;

import java.util.Map;
import java.util.Optional;

/**
 * Which profile to use and with which precedence (config.md §3, §4). The first match wins:
 * {@code --profile}; {@code DATABRICKS_CONFIG_PROFILE}; then, only while {@code DATABRICKS_HOST} is
 * unset, {@code [__settings__] default_profile} or a {@code [DEFAULT]} that has a {@code host} key.
 *
 * <p>The host condition exists because pinning a default profile next to an env host would merge
 * two workspaces' settings and fail with a "more than one authorization method" error.
 */
record ProfileChoice(Mode mode, String pinnedProfile) {

    enum Mode {
        /** Mode A, {@code --profile P}: the profile beats auth env vars, which only fill its gaps. */
        EXPLICIT,
        /** Mode B, profile from the environment or a file default: env values load first and win. */
        ENV_FIRST,
        /** Mode C, no profile: env only, with {@code [DEFAULT]} as a silent fallback. */
        NONE
    }

    static final String SETTINGS_SECTION = "__settings__";
    static final String DEFAULT_SECTION = "DEFAULT";

    static ProfileChoice choose(String profileFlag, Map<String, String> env, LazyConfigFile file) {
        if (isSet(profileFlag)) {
            return new ProfileChoice(Mode.EXPLICIT, profileFlag);
        }
        if (isSet(env.get("DATABRICKS_CONFIG_PROFILE"))) {
            // The env loader picks the name up itself, with its origin.
            return new ProfileChoice(Mode.ENV_FIRST, null);
        }
        if (!isSet(env.get("DATABRICKS_HOST"))) {
            Optional<String> fileDefault = file.loadQuietly().flatMap(ProfileChoice::fileDefault);
            if (fileDefault.isPresent()) {
                return new ProfileChoice(Mode.ENV_FIRST, fileDefault.get());
            }
        }
        return new ProfileChoice(Mode.NONE, null);
    }

    private static Optional<String> fileDefault(ConfigFile file) {
        Optional<String> configured = file.defaultProfileSetting();
        if (configured.isPresent()) {
            return configured;
        }
        return file.section(DEFAULT_SECTION).containsKey("host") ? Optional.of(DEFAULT_SECTION) : Optional.empty();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
