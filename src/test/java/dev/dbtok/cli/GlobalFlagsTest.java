package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.Version;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GlobalFlagsTest {
    @TempDir
    Path home;

    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));
    }

    @Test
    void should_print_the_version() {
        assertThat(Dbtok.inHome(home).run("--version")).succeeded().errIsEmpty().outEquals("dbtok v" + Version.get() + "\n");
        assertThat(Dbtok.inHome(home).run("-v")).succeeded().outEquals("dbtok v" + Version.get() + "\n");
    }

    @Test
    void should_not_offer_version_on_subcommands() {
        assertThat(Dbtok.inHome(home).run("tokens", "list", "-v")).failedWith(1)
                .errStartsWith("Error: unknown shorthand flag: 'v' in -v\n");
    }

    @Nested
    class Profile {
        @BeforeEach
        void writeProfiles() {
            Workspace.writeConfig(home, """
                    [DEFAULT]
                    host = http://127.0.0.1:1
                    token = dapi-default

                    [staging]
                    host = %s
                    token = dapi-staging
                    """.formatted(host));
        }

        @Test
        void should_use_the_named_profile_before_the_subcommand() {
            assertThat(Dbtok.inHome(home).run("-p", "staging", "tokens", "list")).succeeded();
            verify(getRequestedFor(urlEqualTo("/api/2.0/token/list")).withHeader("Authorization", equalTo("Bearer dapi-staging")));
        }

        @Test
        void should_use_the_named_profile_after_the_subcommand() {
            assertThat(Dbtok.inHome(home).run("tokens", "list", "--profile", "staging")).succeeded();
            assertThat(Dbtok.inHome(home).run("tokens", "list", "--profile=staging")).succeeded();
            verify(2, getRequestedFor(urlEqualTo("/api/2.0/token/list")).withHeader("Authorization", equalTo("Bearer dapi-staging")));
        }

        @Test
        void should_let_an_explicit_profile_beat_environment_credentials() {
            assertThat(Dbtok.inHome(home).env("DATABRICKS_HOST", "http://127.0.0.1:1").env("DATABRICKS_TOKEN", "dapi-env")
                    .run("-p", "staging", "tokens", "list")).succeeded();
            verify(getRequestedFor(urlEqualTo("/api/2.0/token/list")).withHeader("Authorization", equalTo("Bearer dapi-staging")));
        }

        @Test
        void should_name_an_unknown_profile() {
            assertThat(Dbtok.inHome(home).run("-p", "nope", "tokens", "list")).failedWith(1).outIsEmpty().errEquals(
                    "Error: resolve: " + home.resolve(".databrickscfg") + " has no nope profile configured. Config: profile=nope\n");
        }

        @Test
        void should_report_a_missing_profile_value() {
            assertThat(Dbtok.inHome(home).run("tokens", "list", "-p")).failedWith(1)
                    .errStartsWith("Error: flag needs an argument: 'p' in -p\n\nUsage:\n  dbtok tokens list [flags]\n");
        }
    }

    @Nested
    class Logging_flags {
        @Test
        void should_reject_an_invalid_log_level_flag() {
            assertThat(Dbtok.inHome(home).run("tokens", "list", "--log-level", "loud")).failedWith(1).errStartsWith(
                    "Error: invalid argument \"loud\" for \"--log-level\" flag: accepted arguments are debug, disabled, error, info, trace and warn\n\nUsage:\n");
        }

        @Test
        void should_reject_an_invalid_log_format_flag() {
            assertThat(Dbtok.inHome(home).run("tokens", "list", "--log-format", "xml")).failedWith(1).errStartsWith(
                    "Error: invalid argument \"xml\" for \"--log-format\" flag: accepted arguments are json and text\n\nUsage:\n");
        }

        @Test
        void should_ignore_invalid_log_settings_in_the_environment() {
            Workspace.writeConfig(home, "[DEFAULT]\nhost = " + host + "\ntoken = t\n");
            assertThat(Dbtok.inHome(home).env("DATABRICKS_LOG_LEVEL", "loud").env("DATABRICKS_LOG_FORMAT", "xml")
                    .run("tokens", "list")).succeeded().errIsEmpty();
        }

        @Test
        void should_warn_that_progress_format_is_deprecated() {
            Workspace.writeConfig(home, "[DEFAULT]\nhost = " + host + "\ntoken = t\n");
            assertThat(Dbtok.inHome(home).run("tokens", "list", "--progress-format", "json")).succeeded()
                    .outEquals("ID  Expiry time  Comment\n")
                    .errEquals("Flag --progress-format has been deprecated, this flag is no longer functional\n");
        }

        @Test
        void should_accept_hidden_flags_and_target_before_the_subcommand() {
            Workspace.writeConfig(home, "[DEFAULT]\nhost = " + host + "\ntoken = t\n");
            assertThat(Dbtok.inHome(home).run("--log-level", "error", "--log-format", "json", "-t", "dev", "tokens", "list"))
                    .succeeded();
        }
    }
}
