package dev.dbtok.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtok.support.StaticEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution inside a bundle: the official CLI's rules for {@code workspace.host} and {@code workspace.profile}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigResolverBundleTest {
    static final String TWO_PROFILES_SAME_HOST = """
            [PROFILE-1]
            host = https://a.test
            token = a
            [PROFILE-2]
            host = https://a.test
            token = b
            """;

    @TempDir
    Path home;

    StaticEnv env;

    @BeforeEach
    void setUp() {
        env = StaticEnv.home(home);
    }

    void config(String text) throws IOException {
        Files.writeString(home.resolve(".databrickscfg"), text);
    }

    ResolvedConfig resolve(String profileFlag, BundleWorkspace bundle) {
        return ConfigResolver.resolve(profileFlag, env.build(), bundle);
    }

    ConfigException failure(String profileFlag, BundleWorkspace bundle) {
        return assertThrows(ConfigException.class, () -> resolve(profileFlag, bundle));
    }

    static BundleWorkspace host(String host) {
        return new BundleWorkspace("dev", host, null);
    }

    static BundleWorkspace profile(String profile) {
        return new BundleWorkspace("dev", null, profile);
    }

    @Nested
    class Bundle_host {

        @Test
        void should_use_the_bundle_host_with_the_one_profile_for_it() throws IOException {
            config("[a]\nhost = https://a.test\ntoken = ta\n[x]\nhost = https://x.test\ntoken = tx\n");

            ResolvedConfig config = resolve(null, host("https://x.test/"));

            assertAll(
                    () -> assertEquals("https://x.test", config.host()),
                    () -> assertEquals("x", config.profile()),
                    () -> assertEquals("tx", config.token()),
                    () -> assertEquals(Origin.bundle(), config.sourceOf(Attribute.HOST)),
                    () -> assertEquals(Origin.dynamic(), config.sourceOf(Attribute.PROFILE)),
                    () -> assertEquals(Origin.file(home.resolve(".databrickscfg").toString()), config.sourceOf(Attribute.TOKEN)));
        }

        @Test
        void should_prefer_env_credentials_over_matching_a_profile() throws IOException {
            config("[x]\nhost = https://x.test\ntoken = tx\n");
            env.with("DATABRICKS_TOKEN", "from-env");

            ResolvedConfig config = resolve(null, host("https://x.test"));

            assertEquals("from-env", config.token());
            assertEquals(null, config.profile());
        }

        @Test
        void should_report_several_profiles_for_the_host() throws IOException {
            config(TWO_PROFILES_SAME_HOST);

            ConfigException e = failure(null, host("https://a.test"));

            assertEquals("cannot resolve bundle auth configuration: resolve: https://a.test: multiple profiles matched:"
                    + " PROFILE-1, PROFILE-2: please set DATABRICKS_CONFIG_PROFILE or provide --profile flag to specify"
                    + " one. Config: host=https://a.test", e.getMessage());
            assertEquals(List.of("PROFILE-1", "PROFILE-2"), e.matchingProfiles());
        }

        @Test
        void should_pick_among_several_profiles_by_workspace_id() throws IOException {
            config("[one]\nhost = https://a.test\nworkspace_id = 1\ntoken = t1\n"
                    + "[two]\nhost = https://a.test\nworkspace_id = 2\ntoken = t2\n");

            assertEquals("two", resolve(null, host("https://a.test/?o=2")).profile());
        }
    }

    @Nested
    class Bundle_profile {

        @Test
        void should_load_the_bundle_profile() throws IOException {
            config(TWO_PROFILES_SAME_HOST);

            ResolvedConfig config = resolve(null, profile("PROFILE-1"));

            assertEquals("a", config.token());
            assertEquals(Origin.bundle(), config.sourceOf(Attribute.PROFILE));
        }

        @Test
        void should_let_the_profile_flag_win_over_the_bundle_profile() throws IOException {
            config(TWO_PROFILES_SAME_HOST);

            ResolvedConfig config = resolve("PROFILE-2", profile("PROFILE-1"));

            assertEquals("b", config.token());
            assertEquals(Origin.flag("--profile"), config.sourceOf(Attribute.PROFILE));
        }

        @Test
        void should_let_the_profile_variable_win_over_the_bundle_profile_and_beat_env_credentials() throws IOException {
            config(TWO_PROFILES_SAME_HOST);
            env.with("DATABRICKS_CONFIG_PROFILE", "PROFILE-2").with("DATABRICKS_TOKEN", "env-token");

            ResolvedConfig config = resolve(null, profile("PROFILE-1"));

            assertEquals("b", config.token());
            assertEquals(Origin.env("DATABRICKS_CONFIG_PROFILE"), config.sourceOf(Attribute.PROFILE));
        }

        @Test
        void should_fall_back_to_the_configured_default_profile_when_the_bundle_names_no_host() throws IOException {
            config("[p1]\nhost = https://a.test\ntoken = a\n[p2]\nhost = https://b.test\ntoken = b\n"
                    + "[__settings__]\ndefault_profile = p1\n");

            assertEquals("p1", resolve(null, new BundleWorkspace("dev", null, null)).profile());
            assertEquals("p2", resolve(null, host("https://b.test")).profile());
        }
    }

    @Nested
    class Host_agreement {

        @Test
        void should_refuse_a_profile_for_another_host_with_the_official_text() throws IOException {
            config(TWO_PROFILES_SAME_HOST);

            ConfigException e = failure("PROFILE-1", new BundleWorkspace("dev", "https://x.test", null));

            assertEquals("cannot resolve bundle auth configuration: the host in the profile (https://a.test) doesn\u2019t"
                    + " match the host configured in the bundle (https://x.test)", e.getMessage());
        }

        @Test
        void should_name_the_profile_that_matches_the_bundle_host() throws IOException {
            config(TWO_PROFILES_SAME_HOST + "[X]\nhost = https://x.test\ntoken = x\n");
            env.with("DATABRICKS_CONFIG_PROFILE", "PROFILE-1");

            ConfigException e = failure(null, new BundleWorkspace("dev", "https://x.test", null));

            assertEquals("cannot resolve bundle auth configuration: the host in the profile (https://a.test) doesn\u2019t"
                    + " match the host configured in the bundle (https://x.test). The profile \"X\" has"
                    + " host=\"https://x.test\" that matches host in the bundle. To select it, pass \"-p X\"", e.getMessage());
        }

        @Test
        void should_accept_a_profile_for_the_same_host_written_differently() throws IOException {
            config("[p]\nhost = a.test/\ntoken = t\n");

            assertEquals("https://a.test", resolve("p", host("https://a.test")).host());
        }

        @Test
        void should_use_the_bundle_host_with_a_profile_that_has_none() throws IOException {
            config("[creds]\ntoken = t\n");

            ResolvedConfig config = resolve("creds", host("https://b.test"));

            assertEquals("https://b.test", config.host());
            assertEquals("t", config.token());
        }

        @Test
        void should_prefix_other_failures_too() throws IOException {
            config(TWO_PROFILES_SAME_HOST);

            assertEquals("cannot resolve bundle auth configuration: resolve: " + home.resolve(".databrickscfg")
                    + " has no NOEXIST profile configured. Config: host=https://x.test, profile=NOEXIST",
                    failure("NOEXIST", host("https://x.test")).getMessage());
        }
    }
}
