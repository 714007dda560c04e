package dev.dbtok.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** config.md §8, the suffix on its own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigSuffixTest {

    private static String render(Map<Attribute, String> values, Map<String, String> env) {
        return ConfigSuffix.render(values::get, env);
    }

    @Test
    void nothing_set_gives_an_empty_suffix() {
        assertEquals("", render(Map.of(), Map.of("DATABRICKS_TOKEN", "t")));
    }

    @Test
    void attributes_in_the_official_cli_order_with_secrets_masked() {
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        values.put(Attribute.CLIENT_SECRET, "cs");
        values.put(Attribute.PASSWORD, "pw");
        values.put(Attribute.HOST, "x");
        values.put(Attribute.TOKEN, "tok");
        values.put(Attribute.CLIENT_ID, "id");
        values.put(Attribute.USERNAME, "u");
        values.put(Attribute.PROFILE, "p");
        values.put(Attribute.WORKSPACE_ID, "1");
        values.put(Attribute.ACCOUNT_ID, "a");
        values.put(Attribute.CONFIG_FILE, "f");
        assertEquals(". Config: host=x, account_id=a, workspace_id=1, token=***, username=u, password=***, "
                + "profile=p, config_file=f, client_id=id, client_secret=***", render(values, Map.of()));
    }

    @Test
    void env_var_is_listed_when_its_attribute_is_set_even_from_the_file() {
        Map<Attribute, String> values = Map.of(Attribute.TOKEN, "from-file", Attribute.HOST, "h");
        assertEquals(". Config: host=h, token=***. Env: DATABRICKS_TOKEN",
                render(values, Map.of("DATABRICKS_TOKEN", "from-env")));
    }

    @Test
    void env_var_of_an_unset_attribute_is_not_listed() {
        assertEquals(". Config: host=h", render(Map.of(Attribute.HOST, "h"), Map.of("DATABRICKS_TOKEN", "t")));
    }

    @Test
    void empty_env_var_is_not_listed() {
        assertEquals(". Config: host=h", render(Map.of(Attribute.HOST, "h"), Map.of("DATABRICKS_HOST", "")));
    }

    @Test
    void internal_attributes_are_left_out() {
        Map<Attribute, String> values = new EnumMap<>(Attribute.class);
        values.put(Attribute.HOST, "h");
        values.put(Attribute.AUTH_TYPE, "pat");
        values.put(Attribute.SCOPES, "sql");
        values.put(Attribute.DEBUG_HEADERS, "true");
        values.put(Attribute.DEBUG_TRUNCATE_BYTES, "10");
        values.put(Attribute.HTTP_TIMEOUT_SECONDS, "5");
        values.put(Attribute.RATE_LIMIT, "5");
        values.put(Attribute.RETRY_TIMEOUT_SECONDS, "5");
        assertEquals(". Config: host=h",
                render(values, Map.of("DATABRICKS_AUTH_TYPE", "pat", "DATABRICKS_DEBUG_HEADERS", "true")));
    }

    @Test
    void resolved_config_renders_the_same_way() {
        ResolvedConfig config = new ResolvedConfig("https://x", null, "123", "tok", null, null, "p",
                Path.of("/tmp/cfg"), null, null, "all-apis", "pat", 60, 96, false, null, 300, false,
                Map.of("config_file", Origin.env("DATABRICKS_CONFIG_FILE")));
        Map<String, String> env = Map.of("DATABRICKS_CONFIG_FILE", "~/cfg", "DATABRICKS_TOKEN", "tok");
        assertEquals(". Config: host=https://x, workspace_id=123, token=***, profile=p, config_file=~/cfg. "
                + "Env: DATABRICKS_TOKEN, DATABRICKS_CONFIG_FILE", ConfigSuffix.render(config, env));
    }
}
