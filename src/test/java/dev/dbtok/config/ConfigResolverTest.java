package dev.dbtok.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dbtok.support.StaticEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** config.md §1–§8, through the one public entry point. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigResolverTest {

    static final String DEFAULT_AUTH = "default auth: cannot configure default credentials, please check "
            + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
            + "to configure credentials for your preferred authentication method";

    /** An empty HOME: there is no config file at all. */
    @TempDir
    Path home;

    StaticEnv noFile() {
        return StaticEnv.home(home);
    }

    static StaticEnv workspaces() {
        return StaticEnv.fixture("workspaces");
    }

    static ResolvedConfig resolve(String profile, StaticEnv env) {
        return ConfigResolver.resolve(profile, env.build());
    }

    static String failure(String profile, StaticEnv env) {
        return assertThrows(ConfigException.class, () -> ConfigResolver.resolve(profile, env.build())).getMessage();
    }

    @Nested
    class Attributes {

        @Test
        void defaults_apply_when_nothing_sets_them() {
            ResolvedConfig config = resolve("pat", workspaces());
            assertAll(
                    () -> assertEquals(60, config.httpTimeoutSeconds()),
                    () -> assertEquals(96, config.debugTruncateBytes()),
                    () -> assertEquals(300, config.retryTimeoutSeconds()),
                    () -> assertFalse(config.debugHeaders()),
                    () -> assertNull(config.rateLimit()),
                    () -> assertEquals("all-apis", config.scopes()));
        }

        @Test
        void tuning_attributes_are_read_from_the_profile() {
            ResolvedConfig config = resolve("tuned", workspaces());
            assertAll(
                    () -> assertEquals(30, config.httpTimeoutSeconds()),
                    () -> assertEquals(2048, config.debugTruncateBytes()),
                    () -> assertEquals(45, config.retryTimeoutSeconds()),
                    () -> assertTrue(config.debugHeaders()),
                    () -> assertEquals(15, config.rateLimit()),
                    () -> assertEquals("all-apis,sql", config.scopes()));
        }

        @Test
        void tuning_attributes_are_read_from_env() {
            ResolvedConfig config = resolve(null, noFile()
                    .with("DATABRICKS_HOST", "x").with("DATABRICKS_TOKEN", "t")
                    .with("DATABRICKS_DEBUG_TRUNCATE_BYTES", "10")
                    .with("DATABRICKS_DEBUG_HEADERS", "True")
                    .with("DATABRICKS_RATE_LIMIT", "3"));
            assertAll(
                    () -> assertEquals(10, config.debugTruncateBytes()),
                    () -> assertTrue(config.debugHeaders()),
                    () -> assertEquals(3, config.rateLimit()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1", "t", "T", "TRUE", "true", "True"})
        void go_true_spellings_are_true(String spelling) {
            assertTrue(resolve("pat", workspaces().with("DATABRICKS_DEBUG_HEADERS", spelling)).debugHeaders());
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "f", "F", "FALSE", "false", "False"})
        void go_false_spellings_are_false(String spelling) {
            assertFalse(resolve("pat", workspaces().with("DATABRICKS_DEBUG_HEADERS", spelling)).debugHeaders());
        }

        @Test
        void bad_bool_in_file_names_path_and_profile() {
            StaticEnv env = StaticEnv.fixture("bad-values");
            assertEquals("resolve: " + env.configPath() + " badbool profile: "
                    + "strconv.ParseBool: parsing \"yes\": invalid syntax. "
                    + "Config: host=https://bad.cloud.databricks.com, token=***, profile=badbool",
                    failure("badbool", env));
        }

        @Test
        void bad_int_in_file_names_path_and_profile() {
            StaticEnv env = StaticEnv.fixture("bad-values");
            assertEquals("resolve: " + env.configPath() + " badint profile: "
                    + "strconv.Atoi: parsing \"10s\": invalid syntax. "
                    + "Config: host=https://bad.cloud.databricks.com, profile=badint",
                    failure("badint", env));
        }

        @Test
        void int_too_large_is_out_of_range() {
            StaticEnv env = StaticEnv.fixture("bad-values");
            assertEquals("resolve: " + env.configPath() + " huge profile: "
                    + "strconv.Atoi: parsing \"99999999999\": value out of range. "
                    + "Config: host=https://bad.cloud.databricks.com, profile=huge",
                    failure("huge", env));
        }

        @Test
        void bad_bool_in_env_fails_resolution() {
            assertEquals("resolve: strconv.ParseBool: parsing \"yes\": invalid syntax. "
                    + "Config: host=x. Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_HOST", "x").with("DATABRICKS_DEBUG_HEADERS", "yes")));
        }

        @Test
        void empty_env_values_count_as_unset() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://hostonly.cloud.databricks.com, profile=hostonly",
                    failure("hostonly", workspaces().with("DATABRICKS_TOKEN", "")));
        }

        @Test
        void zero_number_counts_as_unset_so_the_profile_fills_it() {
            ResolvedConfig config = resolve(null, workspaces()
                    .with("DATABRICKS_CONFIG_PROFILE", "tuned")
                    .with("DATABRICKS_DEBUG_TRUNCATE_BYTES", "0"));
            assertEquals(2048, config.debugTruncateBytes());
        }
    }

    @Nested
    class Config_file_location {

        @Test
        void default_path_is_databrickscfg_in_HOME() {
            StaticEnv env = workspaces();
            assertEquals(Path.of(env.configPath()), resolve("pat", env).configFile());
        }

        @Test
        void DATABRICKS_CONFIG_FILE_replaces_the_default_path() {
            StaticEnv env = noFile().with("DATABRICKS_CONFIG_FILE", workspaces().configPath());
            ResolvedConfig config = resolve("pat", env);
            assertEquals("https://pat.cloud.databricks.com", config.host());
            assertEquals(Path.of(workspaces().configPath()), config.configFile());
        }

        @Test
        void leading_tilde_expands_with_HOME_from_the_env_map() throws IOException {
            Files.writeString(home.resolve("custom.cfg"), "[p]\nhost = https://custom\ntoken = t\n");
            ResolvedConfig config = resolve("p", noFile().with("DATABRICKS_CONFIG_FILE", "~/custom.cfg"));
            assertEquals("https://custom", config.host());
            assertEquals(home.resolve("custom.cfg"), config.configFile());
        }

        @Test
        void leading_tilde_falls_back_to_user_home_without_HOME() {
            String name = "dbtok-test-missing-" + UUID.randomUUID();
            Map<String, String> env = Map.of(
                    "DATABRICKS_CONFIG_FILE", "~/" + name,
                    "DATABRICKS_HOST", "https://x",
                    "DATABRICKS_TOKEN", "t");
            ResolvedConfig config = ConfigResolver.resolve("p", env);
            assertEquals(Path.of(System.getProperty("user.home") + "/" + name), config.configFile());
        }

        @Test
        void messages_show_the_expanded_path() throws IOException {
            Files.writeString(home.resolve("custom.cfg"), "[other]\nhost = h\n");
            assertEquals("resolve: " + home.resolve("custom.cfg") + " has no p profile configured. "
                    + "Config: profile=p, config_file=~/custom.cfg. Env: DATABRICKS_CONFIG_FILE",
                    failure("p", noFile().with("DATABRICKS_CONFIG_FILE", "~/custom.cfg")));
        }

        @Test
        void missing_file_is_not_an_error_without_profile() {
            assertEquals(DEFAULT_AUTH, failure(null, noFile()));
        }

        @Test
        void missing_file_is_not_an_error_with_profile() {
            assertEquals(DEFAULT_AUTH + ". Config: profile=foo", failure("foo", noFile()));
        }

        @Test
        void missing_file_with_profile_still_takes_env_credentials() {
            ResolvedConfig config = resolve("foo", noFile()
                    .with("DATABRICKS_HOST", "https://env").with("DATABRICKS_TOKEN", "t"));
            assertEquals("https://env", config.host());
            assertEquals("foo", config.profile());
            assertEquals("pat", config.authType());
        }

        @Test
        void parse_failure_is_reported_when_the_file_is_read() {
            assertEquals("resolve: cannot parse config file: parse error (at line: 1): [unclosed",
                    failure(null, StaticEnv.fixture("corrupt")));
        }

        @Test
        void parse_failure_carries_the_suffix() {
            assertEquals("resolve: cannot parse config file: parse error (at line: 1): [unclosed. Config: profile=p",
                    failure("p", StaticEnv.fixture("corrupt")));
        }

        @Test
        void parse_failure_does_not_matter_when_env_makes_the_file_unneeded() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("corrupt")
                    .with("DATABRICKS_HOST", "https://env").with("DATABRICKS_TOKEN", "t"));
            assertEquals("https://env", config.host());
        }

        @Test
        void directory_instead_of_a_file_is_one_clean_error() {
            assertEquals("resolve: cannot parse config file: read " + home + ": is a directory. "
                    + "Config: profile=p, config_file=" + home + ". Env: DATABRICKS_CONFIG_FILE",
                    failure("p", noFile().with("DATABRICKS_CONFIG_FILE", home.toString())));
        }

        @Test
        void unreadable_file_is_one_clean_error() throws IOException {
            Path file = Files.writeString(home.resolve(".databrickscfg"), "[p]\nhost = h\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            assumeFalse(Files.isReadable(file), "this user (root?) can read any file");
            assertEquals("resolve: cannot parse config file: open " + file + ": permission denied. Config: profile=p",
                    failure("p", noFile()));
        }
    }

    @Nested
    class Profile_choice {

        @Test
        void profile_flag_beats_DATABRICKS_CONFIG_PROFILE() {
            ResolvedConfig config = resolve("pat", workspaces().with("DATABRICKS_CONFIG_PROFILE", "basic"));
            assertEquals("pat", config.profile());
            assertEquals("https://pat.cloud.databricks.com", config.host());
        }

        @Test
        void empty_profile_flag_counts_as_not_given() {
            ResolvedConfig config = resolve("", workspaces().with("DATABRICKS_CONFIG_PROFILE", "basic"));
            assertEquals("basic", config.profile());
            assertEquals("basic", config.authType());
        }

        @Test
        void DATABRICKS_CONFIG_PROFILE_beats_the_settings_default() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("settings-default")
                    .with("DATABRICKS_CONFIG_PROFILE", "DEFAULT"));
            assertEquals("https://default.cloud.databricks.com", config.host());
        }

        @Test
        void settings_default_profile_is_used_when_nothing_else_names_one() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("settings-default"));
            assertEquals("work", config.profile());
            assertEquals("https://work.cloud.databricks.com", config.host());
            assertEquals("dapi-work", config.token());
        }

        @Test
        void settings_default_profile_ignored_when_env_host_set() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("settings-default")
                    .with("DATABRICKS_HOST", "https://env").with("DATABRICKS_TOKEN", "env-token"));
            assertNull(config.profile());
            assertEquals("https://env", config.host());
            assertEquals("env-token", config.token());
        }

        @Test
        void settings_default_profile_is_env_first() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("settings-default")
                    .with("DATABRICKS_TOKEN", "env-token"));
            assertEquals("work", config.profile());
            assertEquals("https://work.cloud.databricks.com", config.host());
            assertEquals("env-token", config.token());
        }

        @Test
        void settings_default_profile_that_does_not_exist_fails() {
            StaticEnv env = StaticEnv.fixture("settings-missing-target");
            assertEquals("resolve: " + env.configPath() + " has no gone profile configured. Config: profile=gone",
                    failure(null, env));
        }

        @Test
        void settings_default_profile_naming_the_settings_section_is_ignored() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("settings-self-ref"));
            assertEquals("DEFAULT", config.profile());
            assertEquals("https://default.cloud.databricks.com", config.host());
        }

        @Test
        void DEFAULT_with_host_is_the_default_profile() {
            ResolvedConfig config = resolve(null, workspaces());
            assertEquals("DEFAULT", config.profile());
            assertEquals("https://default.cloud.databricks.com", config.host());
            assertEquals("dapi-default", config.token());
        }

        @Test
        void DEFAULT_with_host_is_read_even_with_an_env_token() {
            ResolvedConfig config = resolve(null, workspaces().with("DATABRICKS_TOKEN", "env-token"));
            assertEquals("DEFAULT", config.profile());
            assertEquals("https://default.cloud.databricks.com", config.host());
            assertEquals("env-token", config.token());
        }

        @Test
        void DEFAULT_with_host_ignored_when_env_host_set() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://x. Env: DATABRICKS_HOST",
                    failure(null, workspaces().with("DATABRICKS_HOST", "x")));
        }

        @Test
        void settings_section_requested_as_a_profile_is_reserved() {
            StaticEnv env = StaticEnv.fixture("settings-default");
            assertEquals("resolve: " + env.configPath()
                    + ": __settings__ is a reserved section name and cannot be used as a profile. "
                    + "Config: profile=__settings__", failure("__settings__", env));
        }

        @Test
        void settings_section_from_env_is_reserved_too() {
            StaticEnv env = StaticEnv.fixture("settings-default").with("DATABRICKS_CONFIG_PROFILE", "__settings__");
            assertEquals("resolve: " + env.configPath()
                    + ": __settings__ is a reserved section name and cannot be used as a profile. "
                    + "Config: profile=__settings__. Env: DATABRICKS_CONFIG_PROFILE", failure(null, env));
        }

        @Test
        void settings_section_as_a_profile_without_a_file_is_just_missing() {
            assertEquals(DEFAULT_AUTH + ". Config: profile=__settings__", failure("__settings__", noFile()));
        }
    }

    @Nested
    class Mode_A_explicit_profile {

        @Test
        void explicit_profile_beats_env_token() {
            ResolvedConfig config = resolve("pat", workspaces()
                    .with("DATABRICKS_HOST", "https://env").with("DATABRICKS_TOKEN", "env-token"));
            assertEquals("https://pat.cloud.databricks.com", config.host());
            assertEquals("dapi-pat", config.token());
            assertEquals("pat", config.authType());
        }

        @Test
        void host_only_profile_takes_env_token() {
            ResolvedConfig config = resolve("hostonly", workspaces().with("DATABRICKS_TOKEN", "env-token"));
            assertEquals("https://hostonly.cloud.databricks.com", config.host());
            assertEquals("env-token", config.token());
            assertEquals("pat", config.authType());
        }

        @Test
        void hostless_profile_takes_env_host() {
            ResolvedConfig config = resolve("nohost", workspaces().with("DATABRICKS_HOST", "env.example.com"));
            assertEquals("https://env.example.com", config.host());
            assertEquals("dapi-nohost", config.token());
        }

        @Test
        void env_credentials_of_another_kind_conflict_with_the_profile() {
            assertEquals("validate: more than one authorization method configured: basic and pat. "
                    + "Config: host=https://pat.cloud.databricks.com, token=***, username=u, password=***, profile=pat. "
                    + "Env: DATABRICKS_USERNAME, DATABRICKS_PASSWORD",
                    failure("pat", workspaces().with("DATABRICKS_USERNAME", "u").with("DATABRICKS_PASSWORD", "pw")));
        }

        @Test
        void env_oauth_credentials_conflict_with_a_pat_profile() {
            assertEquals("validate: more than one authorization method configured: oauth and pat. "
                    + "Config: host=https://pat.cloud.databricks.com, token=***, profile=pat, client_id=c, "
                    + "client_secret=***. Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET",
                    failure("pat", workspaces()
                            .with("DATABRICKS_CLIENT_ID", "c").with("DATABRICKS_CLIENT_SECRET", "s")));
        }

        @Test
        void env_routing_and_auth_type_are_never_read() {
            ResolvedConfig config = resolve("pat", workspaces()
                    .with("DATABRICKS_WORKSPACE_ID", "999")
                    .with("DATABRICKS_ACCOUNT_ID", "acc-env")
                    .with("DATABRICKS_AUTH_TYPE", "basic"));
            assertNull(config.workspaceId());
            assertNull(config.accountId());
            assertEquals("pat", config.authType());
        }

        @Test
        void routing_comes_from_the_profile() {
            ResolvedConfig config = resolve("routing", workspaces().with("DATABRICKS_WORKSPACE_ID", "999"));
            assertEquals("111", config.workspaceId());
            assertEquals("acc-file", config.accountId());
        }

        @Test
        void env_non_auth_settings_beat_the_profile() {
            ResolvedConfig config = resolve("tuned", workspaces()
                    .with("DATABRICKS_DEBUG_TRUNCATE_BYTES", "10")
                    .with("DATABRICKS_RATE_LIMIT", "2"));
            assertEquals(10, config.debugTruncateBytes());
            assertEquals(2, config.rateLimit());
            assertEquals(30, config.httpTimeoutSeconds());
        }

        @Test
        void auth_type_in_the_profile_forces_the_strategy() {
            ResolvedConfig config = resolve("forced-basic", workspaces());
            assertEquals("basic", config.authType());
            assertEquals("bob", config.username());
        }

        @Test
        void missing_profile_fails() {
            StaticEnv env = workspaces();
            assertEquals("resolve: " + env.configPath() + " has no foo profile configured. Config: profile=foo",
                    failure("foo", env));
        }

        @Test
        void empty_profile_fails_like_a_missing_one() {
            StaticEnv env = workspaces();
            assertEquals("resolve: " + env.configPath() + " has no empty profile configured. Config: profile=empty",
                    failure("empty", env));
        }

        @Test
        void env_profile_variable_is_listed_even_when_the_flag_won() {
            StaticEnv env = workspaces().with("DATABRICKS_CONFIG_PROFILE", "pat");
            assertEquals("resolve: " + env.configPath() + " has no foo profile configured. "
                    + "Config: profile=foo. Env: DATABRICKS_CONFIG_PROFILE", failure("foo", env));
        }

        @Test
        void sections_never_inherit_from_DEFAULT() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://hostonly.cloud.databricks.com, profile=hostonly",
                    failure("hostonly", workspaces()));
        }

        @Test
        void profile_names_are_case_sensitive() {
            StaticEnv env = workspaces();
            assertEquals("resolve: " + env.configPath() + " has no PAT profile configured. Config: profile=PAT",
                    failure("PAT", env));
        }
    }

    @Nested
    class Mode_B_env_first {

        @Test
        void env_profile_lets_env_token_win() {
            ResolvedConfig config = resolve(null, workspaces()
                    .with("DATABRICKS_CONFIG_PROFILE", "pat").with("DATABRICKS_TOKEN", "env-token"));
            assertEquals("https://pat.cloud.databricks.com", config.host());
            assertEquals("env-token", config.token());
        }

        @Test
        void env_profile_lets_env_host_win() {
            ResolvedConfig config = resolve(null, workspaces()
                    .with("DATABRICKS_CONFIG_PROFILE", "pat").with("DATABRICKS_HOST", "https://env"));
            assertEquals("https://env", config.host());
            assertEquals("dapi-pat", config.token());
        }

        @Test
        void file_is_read_even_when_env_has_host_and_token() {
            ResolvedConfig config = resolve(null, workspaces()
                    .with("DATABRICKS_CONFIG_PROFILE", "tuned")
                    .with("DATABRICKS_HOST", "https://env").with("DATABRICKS_TOKEN", "env-token"));
            assertEquals("https://env", config.host());
            assertEquals(30, config.httpTimeoutSeconds());
        }

        @Test
        void env_auth_type_is_read() {
            ResolvedConfig config = resolve(null, workspaces()
                    .with("DATABRICKS_CONFIG_PROFILE", "pat-and-basic").with("DATABRICKS_AUTH_TYPE", "basic"));
            assertEquals("basic", config.authType());
        }

        @Test
        void env_workspace_id_is_read_and_wins() {
            ResolvedConfig config = resolve(null, workspaces()
                    .with("DATABRICKS_CONFIG_PROFILE", "routing").with("DATABRICKS_WORKSPACE_ID", "999"));
            assertEquals("999", config.workspaceId());
            assertEquals("acc-file", config.accountId());
        }

        @Test
        void env_profile_missing_fails() {
            StaticEnv env = workspaces().with("DATABRICKS_CONFIG_PROFILE", "foo");
            assertEquals("resolve: " + env.configPath() + " has no foo profile configured. "
                    + "Config: profile=foo. Env: DATABRICKS_CONFIG_PROFILE", failure(null, env));
        }

        @Test
        void env_profile_with_missing_file_is_not_an_error_by_itself() {
            assertEquals(DEFAULT_AUTH + ". Config: profile=foo. Env: DATABRICKS_CONFIG_PROFILE",
                    failure(null, noFile().with("DATABRICKS_CONFIG_PROFILE", "foo")));
        }

        @Test
        void partial_env_credential_of_another_kind_conflicts() {
            assertEquals("validate: more than one authorization method configured: basic and pat. "
                    + "Config: token=***, username=x, profile=nohost. Env: DATABRICKS_USERNAME, DATABRICKS_CONFIG_PROFILE",
                    failure(null, workspaces()
                            .with("DATABRICKS_CONFIG_PROFILE", "nohost").with("DATABRICKS_USERNAME", "x")));
        }

        @Test
        void env_token_and_profile_without_host_lists_both_variables() {
            assertEquals(DEFAULT_AUTH + ". Config: token=***, profile=nohost. "
                    + "Env: DATABRICKS_TOKEN, DATABRICKS_CONFIG_PROFILE",
                    failure(null, workspaces()
                            .with("DATABRICKS_CONFIG_PROFILE", "nohost").with("DATABRICKS_TOKEN", "x")));
        }

        @Test
        void empty_default_section_does_not_hide_a_named_profile() {
            ResolvedConfig config = resolve(null, StaticEnv.fixture("default-empty")
                    .with("DATABRICKS_CONFIG_PROFILE", "abc"));
            assertEquals("https://foo", config.host());
            assertEquals("pat", config.authType());
        }
    }

    @Nested
    class Mode_C_no_profile {

        @Test
        void env_alone_resolves_without_a_file() {
            ResolvedConfig config = resolve(null, noFile()
                    .with("DATABRICKS_HOST", "https://env/").with("DATABRICKS_TOKEN", "t"));
            assertEquals("https://env", config.host());
            assertNull(config.profile());
            assertEquals("pat", config.authType());
        }

        @Test
        void file_is_not_read_when_env_has_a_host() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://x. Env: DATABRICKS_HOST",
                    failure(null, StaticEnv.fixture("default-no-host").with("DATABRICKS_HOST", "x")));
        }

        @Test
        void file_is_not_read_when_env_has_any_credential() {
            assertEquals(DEFAULT_AUTH + ". Config: client_id=c. Env: DATABRICKS_CLIENT_ID",
                    failure(null, StaticEnv.fixture("default-no-host").with("DATABRICKS_CLIENT_ID", "c")));
        }

        @Test
        void DEFAULT_fallback_loads_and_pins_the_profile_name() {
            assertEquals(DEFAULT_AUTH + ". Config: token=***, profile=DEFAULT",
                    failure(null, StaticEnv.fixture("default-no-host")));
        }

        @Test
        void env_auth_type_alone_does_not_stop_the_fallback() {
            assertEquals("pat auth: host is required for PAT authentication. Config: token=***, profile=DEFAULT",
                    failure(null, StaticEnv.fixture("default-no-host").with("DATABRICKS_AUTH_TYPE", "pat")));
        }

        @Test
        void empty_DEFAULT_section_is_silent() {
            assertEquals(DEFAULT_AUTH, failure(null, StaticEnv.fixture("default-empty")));
        }

        @Test
        void missing_DEFAULT_section_is_silent() {
            assertEquals(DEFAULT_AUTH, failure(null, StaticEnv.fixture("no-default")));
        }
    }

    @Nested
    class Host_normalisation {

        @Test
        void conflict_check_shows_the_host_before_normalisation() {
            assertEquals("validate: more than one authorization method configured: basic and pat. "
                    + "Config: host=x/path, token=***, username=x, password=***. "
                    + "Env: DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_USERNAME, DATABRICKS_PASSWORD",
                    failure(null, noFile().with("DATABRICKS_HOST", "x/path").with("DATABRICKS_TOKEN", "x")
                            .with("DATABRICKS_USERNAME", "x").with("DATABRICKS_PASSWORD", "x")));
        }

        @Test
        void auth_errors_show_the_normalised_host() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://x. Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_HOST", "x/some/path?q=1")));
        }

        @Test
        void ids_in_the_host_query_fill_empty_attributes() {
            ResolvedConfig config = resolve("spog", workspaces());
            assertEquals("https://acme.databricks.net", config.host());
            assertEquals("12345", config.workspaceId());
            assertEquals("acc-123", config.accountId());
        }

        @Test
        void ids_already_set_beat_the_host_query() {
            ResolvedConfig config = resolve(null, noFile()
                    .with("DATABRICKS_HOST", "https://acme.databricks.net/?o=12345&a=acc-q")
                    .with("DATABRICKS_TOKEN", "t")
                    .with("DATABRICKS_WORKSPACE_ID", "999"));
            assertEquals("999", config.workspaceId());
            assertEquals("acc-q", config.accountId());
        }

        @Test
        void ids_from_the_query_show_in_auth_errors() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://acme.databricks.net, workspace_id=42. "
                    + "Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_HOST", "acme.databricks.net/?o=42")));
        }

        @Test
        void host_without_a_hostname_fails_once_credentials_are_complete() {
            assertEquals("no host configured",
                    failure(null, noFile().with("DATABRICKS_HOST", "/").with("DATABRICKS_TOKEN", "t")));
        }

        @Test
        void host_without_a_hostname_and_no_credentials_is_the_default_auth_error() {
            assertEquals(DEFAULT_AUTH + ". Config: host=/. Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_HOST", "/")));
        }

        @Test
        void host_with_a_non_numeric_port_fails() {
            assertEquals("parse \"https://x:abc\": invalid port \":abc\" after host",
                    failure(null, noFile().with("DATABRICKS_HOST", "x:abc").with("DATABRICKS_TOKEN", "t")));
        }
    }

    @Nested
    class Credentials {

        @Test
        void host_and_token_choose_pat() {
            ResolvedConfig config = resolve("pat", workspaces());
            assertEquals("pat", config.authType());
            assertEquals("dapi-pat", config.token());
        }

        @Test
        void host_username_and_password_choose_basic() {
            ResolvedConfig config = resolve("basic", workspaces());
            assertEquals("basic", config.authType());
            assertEquals("alice", config.username());
            assertEquals("basic-secret", config.password());
        }

        @Test
        void host_client_id_and_secret_choose_oauth_m2m() {
            ResolvedConfig config = resolve("m2m", workspaces());
            assertEquals("oauth-m2m", config.authType());
            assertEquals("sp-client", config.clientId());
            assertEquals("sp-secret", config.clientSecret());
            assertEquals("all-apis", config.scopes());
        }

        @Test
        void incomplete_credentials_are_skipped_silently() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://x, username=u. Env: DATABRICKS_HOST, DATABRICKS_USERNAME",
                    failure(null, noFile().with("DATABRICKS_HOST", "x").with("DATABRICKS_USERNAME", "u")));
        }

        @Test
        void oauth_credentials_without_host_are_not_enough() {
            assertEquals(DEFAULT_AUTH + ". Config: client_id=c, client_secret=***. "
                    + "Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET",
                    failure(null, noFile().with("DATABRICKS_CLIENT_ID", "c").with("DATABRICKS_CLIENT_SECRET", "s")));
        }

        @Test
        void auth_type_disables_the_conflict_check() {
            ResolvedConfig config = resolve(null, noFile()
                    .with("DATABRICKS_HOST", "x").with("DATABRICKS_TOKEN", "token")
                    .with("DATABRICKS_USERNAME", "user").with("DATABRICKS_PASSWORD", "password")
                    .with("DATABRICKS_AUTH_TYPE", "basic"));
            assertEquals("basic", config.authType());
            assertEquals("https://x", config.host());
        }

        @Test
        void auth_type_pat_without_host_fails_with_pat_prefix() {
            assertEquals("pat auth: host is required for PAT authentication. Config: token=***. Env: DATABRICKS_TOKEN",
                    failure(null, noFile().with("DATABRICKS_AUTH_TYPE", "pat").with("DATABRICKS_TOKEN", "t")));
        }

        @Test
        void auth_type_pat_without_token_fails_with_pat_prefix() {
            assertEquals("pat auth: token is required. Config: host=https://x. Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_AUTH_TYPE", "pat").with("DATABRICKS_HOST", "x")));
        }

        @Test
        void auth_type_basic_when_incomplete_is_not_configured() {
            assertEquals("basic auth: not configured. Config: host=https://x, token=***. "
                    + "Env: DATABRICKS_HOST, DATABRICKS_TOKEN",
                    failure(null, noFile().with("DATABRICKS_AUTH_TYPE", "basic")
                            .with("DATABRICKS_HOST", "x").with("DATABRICKS_TOKEN", "t")));
        }

        @Test
        void auth_type_oauth_m2m_without_client_is_not_configured() {
            assertEquals("oauth-m2m auth: not configured. Config: host=https://x. Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_AUTH_TYPE", "oauth-m2m").with("DATABRICKS_HOST", "x")));
        }

        @Test
        void auth_type_oauth_m2m_without_host_fails_discovery() {
            assertEquals("oauth-m2m auth: oidc: no host configured. Config: client_id=c, client_secret=***. "
                    + "Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET",
                    failure(null, noFile().with("DATABRICKS_AUTH_TYPE", "oauth-m2m")
                            .with("DATABRICKS_CLIENT_ID", "c").with("DATABRICKS_CLIENT_SECRET", "s")));
        }

        @Test
        void auth_type_oauth_m2m_with_everything_is_chosen_over_a_token() {
            ResolvedConfig config = resolve(null, noFile().with("DATABRICKS_AUTH_TYPE", "oauth-m2m")
                    .with("DATABRICKS_HOST", "x").with("DATABRICKS_TOKEN", "t")
                    .with("DATABRICKS_CLIENT_ID", "c").with("DATABRICKS_CLIENT_SECRET", "s"));
            assertEquals("oauth-m2m", config.authType());
        }

        @Test
        void unknown_auth_type_fails() {
            assertEquals("default auth: auth type \"azure-cli\" not found, please check "
                    + "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication "
                    + "for a list of supported auth types. Config: host=https://x, token=***. "
                    + "Env: DATABRICKS_HOST, DATABRICKS_TOKEN",
                    failure(null, noFile().with("DATABRICKS_AUTH_TYPE", "azure-cli")
                            .with("DATABRICKS_HOST", "x").with("DATABRICKS_TOKEN", "t")));
        }

        @Test
        void ini_quirks_reach_the_credentials() {
            ResolvedConfig config = resolve("quirks", StaticEnv.fixture("ini-rules"));
            assertEquals("https://quirks.cloud.databricks.com", config.host());
            assertEquals("alice", config.username());
            assertEquals("a#b$c", config.password());
            assertEquals("123", config.workspaceId());
            assertEquals("basic", config.authType());
        }
    }

    @Nested
    class Error_texts {

        @Test
        void nothing_configured() {
            assertEquals(DEFAULT_AUTH, failure(null, noFile()));
        }

        @Test
        void only_DATABRICKS_HOST() {
            assertEquals(DEFAULT_AUTH + ". Config: host=https://x. Env: DATABRICKS_HOST",
                    failure(null, noFile().with("DATABRICKS_HOST", "x")));
        }

        @Test
        void only_DATABRICKS_TOKEN() {
            assertEquals(DEFAULT_AUTH + ". Config: token=***. Env: DATABRICKS_TOKEN",
                    failure(null, noFile().with("DATABRICKS_TOKEN", "x")));
        }

        @Test
        void DATABRICKS_CONFIG_FILE_missing() {
            assertEquals(DEFAULT_AUTH + ". Config: config_file=x. Env: DATABRICKS_CONFIG_FILE",
                    failure(null, noFile().with("DATABRICKS_CONFIG_FILE", "x")));
        }

        @Test
        void profile_flag_with_file_missing() {
            assertEquals(DEFAULT_AUTH + ". Config: profile=foo", failure("foo", noFile()));
        }

        @Test
        void profile_flag_with_no_such_section() {
            StaticEnv env = workspaces();
            assertEquals("resolve: " + env.configPath() + " has no foo profile configured. Config: profile=foo",
                    failure("foo", env));
        }

        @Test
        void DATABRICKS_CONFIG_PROFILE_with_no_such_section() {
            StaticEnv env = workspaces().with("DATABRICKS_CONFIG_PROFILE", "foo");
            assertEquals("resolve: " + env.configPath() + " has no foo profile configured. "
                    + "Config: profile=foo. Env: DATABRICKS_CONFIG_PROFILE", failure(null, env));
        }

        @Test
        void token_but_no_host_in_the_profile() {
            assertEquals(DEFAULT_AUTH + ". Config: token=***, profile=nohost. Env: DATABRICKS_CONFIG_PROFILE",
                    failure(null, workspaces().with("DATABRICKS_CONFIG_PROFILE", "nohost")));
        }

        @Test
        void conflict() {
            assertEquals("validate: more than one authorization method configured: basic and pat. "
                    + "Config: host=x, token=***, username=x, password=***. "
                    + "Env: DATABRICKS_HOST, DATABRICKS_TOKEN, DATABRICKS_USERNAME, DATABRICKS_PASSWORD",
                    failure(null, noFile().with("DATABRICKS_HOST", "x").with("DATABRICKS_TOKEN", "x")
                            .with("DATABRICKS_USERNAME", "x").with("DATABRICKS_PASSWORD", "x")));
        }

        @Test
        void no_secret_value_ever_appears() {
            String message = failure("pat-and-basic", workspaces().with("DATABRICKS_CLIENT_SECRET", "env-secret")
                    .with("DATABRICKS_CLIENT_ID", "c"));
            assertEquals("validate: more than one authorization method configured: basic and oauth and pat. "
                    + "Config: host=https://mixed.cloud.databricks.com, token=***, username=bob, password=***, "
                    + "profile=pat-and-basic, client_id=c, client_secret=***. "
                    + "Env: DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET", message);
            assertFalse(message.contains("dapi-mixed") || message.contains("mixed-secret")
                    || message.contains("env-secret"));
        }
    }

    @Nested
    class Sources {

        @Test
        void each_value_records_where_it_came_from() {
            StaticEnv env = workspaces().with("DATABRICKS_TOKEN", "env-token").with("DATABRICKS_RATE_LIMIT", "4");
            ResolvedConfig config = resolve("hostonly", env);
            assertEquals(Map.of(
                    "host", Origin.file(env.configPath()),
                    "token", Origin.env("DATABRICKS_TOKEN"),
                    "profile", Origin.flag("--profile"),
                    "rate_limit", Origin.env("DATABRICKS_RATE_LIMIT")), config.sources());
        }

        @Test
        void origins_read_like_the_official_describe_output() {
            StaticEnv env = workspaces().with("DATABRICKS_TOKEN", "env-token");
            ResolvedConfig config = resolve("hostonly", env);
            assertEquals(env.configPath() + " config file", config.sourceOf(Attribute.HOST).toString());
            assertEquals("DATABRICKS_TOKEN environment variable", config.sourceOf(Attribute.TOKEN).toString());
            assertEquals("--profile flag", config.sourceOf(Attribute.PROFILE).toString());
        }

        @Test
        void derived_values_are_dynamic() {
            ResolvedConfig config = resolve("spog", workspaces());
            assertEquals(Origin.dynamic(), config.sourceOf(Attribute.WORKSPACE_ID));
            assertEquals(Origin.dynamic(), config.sourceOf(Attribute.ACCOUNT_ID));
            assertEquals("dynamic configuration", Origin.dynamic().toString());
        }

        @Test
        void pinned_default_profile_is_dynamic() {
            ResolvedConfig config = resolve(null, workspaces());
            assertEquals(Origin.dynamic(), config.sourceOf(Attribute.PROFILE));
        }

        @Test
        void env_profile_records_the_variable() {
            ResolvedConfig config = resolve(null, workspaces().with("DATABRICKS_CONFIG_PROFILE", "pat"));
            assertEquals(Origin.env("DATABRICKS_CONFIG_PROFILE"), config.sourceOf(Attribute.PROFILE));
        }

        @Test
        void defaults_have_no_source() {
            ResolvedConfig config = resolve("pat", workspaces());
            assertNull(config.sourceOf(Attribute.HTTP_TIMEOUT_SECONDS));
            assertNull(config.sourceOf(Attribute.AUTH_TYPE));
        }

        @Test
        void to_string_shows_no_secrets() {
            String text = resolve("basic", workspaces()).toString();
            assertFalse(text.contains("basic-secret"));
            assertTrue(text.contains("https://basic.cloud.databricks.com"));
        }
    }
}
