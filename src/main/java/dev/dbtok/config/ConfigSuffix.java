package dev.dbtok.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the {@code . Config: ... . Env: ...} tail that the official CLI appends to configuration
 * and authentication errors, so users see what was picked up and from which variables.
 *
 * <ul>
 *   <li>{@code Config:} lists every non-empty attribute as {@code name=value}, in {@link Attribute}
 *       order; sensitive values print as {@code ***}. Internal attributes ({@code auth_type},
 *       {@code scopes}, timeouts, debug settings) are left out, as the official CLI does.</li>
 *   <li>{@code Env:} lists, in the same order, the variables set for those listed attributes, even
 *       when the value itself came from the config file.</li>
 * </ul>
 *
 * <p>Returns {@code ""} when nothing is set, so callers can always write {@code message + suffix}.
 */
public final class ConfigSuffix {

    private static final String MASK = "***";

    private ConfigSuffix() {
    }

    /**
     * @param valueOf the current value of each attribute as text, {@code null} or empty when unset
     * @param env     the environment the values were resolved from
     */
    public static String render(Function<Attribute, String> valueOf, Map<String, String> env) {
        List<String> config = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            String value = valueOf.apply(attribute);
            if (!attribute.inErrorSuffix() || value == null || value.isEmpty()) {
                continue;
            }
            config.add(attribute.key() + "=" + (attribute.sensitive() ? MASK : value));
            attribute.envVar()
                    .filter(name -> isSet(env.get(name)))
                    .ifPresent(vars::add);
        }
        if (config.isEmpty()) {
            return "";
        }
        String suffix = ". Config: " + String.join(", ", config);
        return vars.isEmpty() ? suffix : suffix + ". Env: " + String.join(", ", vars);
    }

    /** The suffix for a finished resolution, e.g. for a later authentication failure. */
    public static String render(ResolvedConfig config, Map<String, String> env) {
        return render(attribute -> valueOf(config, env, attribute), env);
    }

    private static String valueOf(ResolvedConfig config, Map<String, String> env, Attribute attribute) {
        return switch (attribute) {
            case HOST -> config.host();
            case ACCOUNT_ID -> config.accountId();
            case WORKSPACE_ID -> config.workspaceId();
            case TOKEN -> config.token();
            case USERNAME -> config.username();
            case PASSWORD -> config.password();
            case PROFILE -> config.profile();
            // config_file is only ever set from DATABRICKS_CONFIG_FILE, shown as the user typed it.
            case CONFIG_FILE -> config.sources().containsKey(attribute.key())
                    ? env.get("DATABRICKS_CONFIG_FILE") : null;
            case CLIENT_ID -> config.clientId();
            case CLIENT_SECRET -> config.clientSecret();
            default -> null; // internal attributes never appear in the suffix
        };
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }
}
