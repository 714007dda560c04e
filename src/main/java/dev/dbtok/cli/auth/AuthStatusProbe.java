package dev.dbtok.cli.auth;

import dev.dbtok.cli.Session;
import dev.dbtok.config.Attribute;
import dev.dbtok.config.AttributeValue;
import dev.dbtok.config.ConfigException;
import dev.dbtok.config.Origin;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.ApiException;
import dev.dbtok.http.DatabricksException;
import dev.dbtok.http.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds out what {@code auth describe} reports: resolves the run's configuration and asks the workspace who
 * the credentials belong to. Failures become an {@code error} status, never an exception.
 */
final class AuthStatusProbe {
    private AuthStatusProbe() {
    }

    static AuthStatus probe(Session session) {
        Map<String, String> env = session.services().env();
        ResolvedConfig config;
        try {
            config = session.config();
        } catch (ConfigException e) {
            List<AttributeValue> partial = e.attributes();
            String authType = partial.stream().filter(a -> a.attribute() == Attribute.AUTH_TYPE)
                    .map(AttributeValue::value).findFirst().orElse("");
            return AuthStatus.failure(e.getMessage(), AuthStatus.Details.of(withProfile(partial, env), authType));
        }
        AuthStatus.Details details = AuthStatus.Details.of(withProfile(config.attributes(), env), config.authType());
        try {
            User me = session.client().currentUser();
            return AuthStatus.success(me.userName(), details);
        } catch (ApiException e) {
            // The reason alone: the 401/403 next steps would point back at this very command. A server may echo
            // the credential it refused, so the reason is masked like any error line.
            return AuthStatus.failure(session.log().redact(e.apiMessage()), details);
        } catch (DatabricksException e) {
            return AuthStatus.failure(session.log().redact(e.getMessage()), details);
        }
    }

    /**
     * The attributes as shown: {@code config_file} as it was written in {@code DATABRICKS_CONFIG_FILE}, and a
     * {@code profile} line even when no profile was used ({@code default}, as the official CLI shows it).
     */
    private static List<AttributeValue> withProfile(List<AttributeValue> attributes, Map<String, String> env) {
        List<AttributeValue> shown = new ArrayList<>();
        boolean hasProfile = false;
        for (AttributeValue attribute : attributes) {
            if (attribute.attribute() == Attribute.CONFIG_FILE && attribute.origin().type() == Origin.Type.ENVIRONMENT
                    && env.get("DATABRICKS_CONFIG_FILE") != null) {
                attribute = new AttributeValue(Attribute.CONFIG_FILE, env.get("DATABRICKS_CONFIG_FILE"), attribute.origin());
            }
            hasProfile |= attribute.attribute() == Attribute.PROFILE;
            shown.add(attribute);
        }
        if (!hasProfile) {
            shown.add(new AttributeValue(Attribute.PROFILE, "default", Origin.dynamic()));
        }
        return shown;
    }
}
