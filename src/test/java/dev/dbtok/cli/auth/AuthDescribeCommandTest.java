package dev.dbtok.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthDescribeCommandTest {
    static final String ME = "/api/2.0/preview/scim/v2/Me";

    @TempDir
    Path home;

    String host;
    String cfg;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        cfg = home.resolve(".databrickscfg").toString();
        stubFor(get(ME).withHeader("Authorization", equalTo("Bearer good")).willReturn(okJson("{\"userName\": \"jane@example.com\"}")));
        stubFor(get(ME).withHeader("Authorization", equalTo("Bearer bad")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"Invalid access token.\"}")));
        Workspace.writeConfig(home, """
                [my-workspace]
                host  = $HOST
                token = good

                [host-only]
                host = $HOST

                [expired]
                host  = $HOST
                token = bad

                [mixed]
                host      = $HOST
                username  = jane
                password  = pa55-SECRET
                token     = good
                auth_type = pat
                """.replace("$HOST", host));
    }

    String text(String expected) {
        return expected.replace("$HOST", host).replace("$CFG", cfg);
    }

    CliRun run(String... args) {
        return Dbtok.inHome(home).run(args);
    }

    @Nested
    class Sources {

        @Test
        void should_attribute_the_profile_to_the_flag_and_the_values_to_the_file() {
            assertThat(run("auth", "describe", "--profile", "my-workspace")).succeeded().errIsEmpty().outEquals(text("""
                    Host: $HOST
                    User: jane@example.com
                    Authenticated with: pat
                    -----
                    Current configuration:
                      ✓ host: $HOST (from $CFG config file)
                      ✓ token: ******** (from $CFG config file)
                      ✓ profile: my-workspace (from --profile flag)
                      ✓ auth_type: pat
                    """));
        }

        @Test
        void should_attribute_values_to_environment_variables() {
            CliRun run = Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", "good")
                    .run("auth", "describe");

            assertThat(run).succeeded().errIsEmpty().outEquals(text("""
                    Host: $HOST
                    User: jane@example.com
                    Authenticated with: pat
                    -----
                    Current configuration:
                      ✓ host: $HOST (from DATABRICKS_HOST environment variable)
                      ✓ token: ******** (from DATABRICKS_TOKEN environment variable)
                      ✓ profile: default
                      ✓ auth_type: pat
                    """));
        }

        @Test
        void should_fill_a_host_only_profile_with_the_token_from_the_environment() {
            CliRun run = Dbtok.inHome(home).env("DATABRICKS_TOKEN", "good").run("auth", "describe", "-p", "host-only");

            assertThat(run).succeeded().outContains("\n  ✓ token: ******** (from DATABRICKS_TOKEN environment variable)\n")
                    .outContains("\n  ✓ host: " + host + " (from " + cfg + " config file)\n");
        }

        @Test
        void should_attribute_the_profile_to_its_variable() {
            CliRun run = Dbtok.inHome(home).env("DATABRICKS_CONFIG_PROFILE", "my-workspace").run("auth", "describe");

            assertThat(run).succeeded()
                    .outContains("\n  ✓ profile: my-workspace (from DATABRICKS_CONFIG_PROFILE environment variable)\n");
        }

        @Test
        void should_show_a_default_profile_from_the_settings_without_a_source() {
            Workspace.writeConfig(home, "[w]\nhost = " + host + "\ntoken = good\n[__settings__]\ndefault_profile = w\n");

            assertThat(run("auth", "describe")).succeeded().outContains("\n  ✓ profile: w\n");
        }

        @Test
        void should_show_the_config_file_as_it_was_written_in_the_environment() throws IOException {
            Path other = home.resolve("work.cfg");
            Files.writeString(other, "[DEFAULT]\nhost = " + host + "\ntoken = good\n");
            Files.setPosixFilePermissions(other, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

            CliRun run = Dbtok.inHome(home).env("DATABRICKS_CONFIG_FILE", "~/work.cfg").run("auth", "describe");

            assertThat(run).succeeded().errIsEmpty()
                    .outContains("\n  ✓ config_file: ~/work.cfg (from DATABRICKS_CONFIG_FILE environment variable)\n")
                    .outContains("\n  ✓ profile: DEFAULT\n");
        }
    }

    @Nested
    class Failures {

        @Test
        void should_report_rejected_credentials_without_the_next_steps() {
            assertThat(run("auth", "describe", "-p", "expired")).succeeded().errIsEmpty().outEquals(text("""
                    Unable to authenticate: Invalid access token.
                    -----
                    Current configuration:
                      ✓ host: $HOST (from $CFG config file)
                      ✓ token: ******** (from $CFG config file)
                      ✓ profile: expired (from --profile flag)
                      ✓ auth_type: pat
                    """));
        }

        @Test
        void should_report_a_missing_profile_with_what_was_found() {
            assertThat(run("auth", "describe", "-p", "nope")).succeeded().errIsEmpty().outEquals(text("""
                    Unable to authenticate: resolve: $CFG has no nope profile configured. Config: profile=nope
                    -----
                    Current configuration:
                      ✓ profile: nope (from --profile flag)
                    """));
        }

        @Test
        void should_mark_credentials_the_auth_type_does_not_use_and_mask_every_secret() {
            CliRun run = run("auth", "describe", "-p", "mixed");

            assertThat(run).succeeded().outEquals(text("""
                    Host: $HOST
                    User: jane@example.com
                    Authenticated with: pat
                    -----
                    Current configuration:
                      ✓ host: $HOST (from $CFG config file)
                      ✓ token: ******** (from $CFG config file)
                      ~ username: jane (from $CFG config file, not used for auth type pat)
                      ~ password: ******** (from $CFG config file, not used for auth type pat)
                      ✓ profile: mixed (from --profile flag)
                      ✓ auth_type: pat (from $CFG config file)
                    """)).errDoesNotContain("SECRET");
        }

        @Test
        void should_style_the_report_on_a_terminal() {
            CliRun run = Dbtok.inHome(home).interactive().run("auth", "describe", "-p", "mixed");

            String bold = "\u001b[1m";
            String italic = "\u001b[3m";
            String red = "\u001b[31m";
            String reset = "\u001b[0m";
            assertThat(run).succeeded()
                    .outContains(bold + "Host:" + reset + " " + host + "\n")
                    .outContains("\n  ~ " + bold + "username" + reset + ": jane" + italic + " (from" + reset + " " + italic
                            + cfg + " config file" + reset + ", " + italic + red + "not used for auth type " + reset + reset
                            + italic + red + "pat" + reset + reset + ")\n")
                    .outContains("\n  ✓ " + bold + "auth_type" + reset + ": pat" + italic + " (from" + reset + " ");
        }

        @Test
        void should_report_a_conflict_of_methods() {
            CliRun run = Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", "good")
                    .env("DATABRICKS_CLIENT_ID", "sp").env("DATABRICKS_CLIENT_SECRET", "sp-SECRET").run("auth", "describe");

            assertThat(run).succeeded().outContains("Unable to authenticate: validate: more than one authorization method"
                    + " configured: oauth and pat. Config: host=" + host + ", token=***, client_id=sp, client_secret=***.")
                    .outContains("\n  ✓ client_secret: ******** (from DATABRICKS_CLIENT_SECRET environment variable)\n")
                    .errIsEmpty();
        }
    }

    @Nested
    class Json {

        @Test
        void should_print_the_status_details_and_sources() {
            assertThat(run("auth", "describe", "-p", "my-workspace", "-o", "json")).succeeded().errIsEmpty().outEquals(text("""
                    {
                      "status": "success",
                      "username": "jane@example.com",
                      "details": {
                        "auth_type": "pat",
                        "host": "$HOST",
                        "configuration": {
                          "auth_type": {
                            "value": "pat",
                            "source": {
                              "type": "dynamic configuration"
                            },
                            "auth_type_mismatch": false
                          },
                          "host": {
                            "value": "$HOST",
                            "source": {
                              "type": "config file",
                              "name": "$CFG"
                            },
                            "auth_type_mismatch": false
                          },
                          "profile": {
                            "value": "my-workspace",
                            "source": {
                              "type": "flag",
                              "name": "--profile"
                            },
                            "auth_type_mismatch": false
                          },
                          "token": {
                            "value": "********",
                            "source": {
                              "type": "config file",
                              "name": "$CFG"
                            },
                            "auth_type_mismatch": false
                          }
                        }
                      }
                    }
                    """));
        }

        @Test
        void should_carry_the_error_as_text() {
            CliRun run = run("auth", "describe", "-p", "expired", "-o", "json");

            assertThat(run).succeeded().outContains("  \"status\": \"error\",\n  \"error\": \"Invalid access token.\",\n");
        }
    }
}
