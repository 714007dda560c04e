package dev.dbtok.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.config.ConfigResolver;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthProfilesCommandTest {
    static final String ME = "/api/2.0/preview/scim/v2/Me";

    @TempDir
    Path home;

    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        stubFor(get(ME).withHeader("Authorization", equalTo("Bearer good")).willReturn(okJson("{\"userName\": \"jane@example.com\"}")));
        stubFor(get(ME).withHeader("Authorization", equalTo("Bearer bad")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"Invalid access token.\"}")));
    }

    void config(String text) {
        Workspace.writeConfig(home, text.replace("$HOST", host));
    }

    void fourProfiles() {
        config("""
                [DEFAULT]
                host = $HOST
                token = good

                [bad]
                host = $HOST/
                token = bad

                [nocreds]
                host = $HOST

                [acct]
                account_id = abc
                auth_type = pat

                [__settings__]
                default_profile = bad
                """);
    }

    CliRun run(String... args) {
        return Dbtok.inHome(home).run(args);
    }

    @Nested
    class Text {

        @Test
        void should_list_every_profile_with_its_host_and_validity() {
            fourProfiles();

            String w = " ".repeat(host.length() - "Host".length());
            String p = " ".repeat(host.length());
            assertThat(run("auth", "profiles")).succeeded().errIsEmpty().outEquals(
                    "Name           Host" + w + "  Valid\n"
                            + "DEFAULT        " + host + "  YES\n"
                            + "bad (Default)  " + host + "  NO\n"
                            + "nocreds        " + host + "  NO\n"
                            + "acct           " + p + "  NO\n");
        }

        @Test
        void should_colour_names_hosts_and_validity_on_a_terminal() {
            config("[ok]\nhost = $HOST\ntoken = good\n[__settings__]\ndefault_profile = ok\n");

            CliRun run = Dbtok.inHome(home).interactive().run("auth", "profiles");

            String blue = "\u001b[34m";
            String green = "\u001b[32m";
            String cyan = "\u001b[36m";
            String reset = "\u001b[0m";
            String w = " ".repeat(host.length() - "Host".length());
            assertThat(run).succeeded().outEquals(
                    blue + "Name" + reset + "          " + blue + "Host" + reset + w + "  " + blue + "Valid" + reset + "\n"
                            + green + "ok" + reset + " (Default)  " + cyan + host + reset + "  " + green + "YES" + reset + "\n");
        }

        @Test
        void should_print_the_header_only_without_a_config_file() {
            assertThat(run("auth", "profiles")).succeeded().errIsEmpty().outEquals("Name  Host  Valid\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void should_fail_on_a_config_file_it_cannot_parse() {
            config("[broken\nhost = x\n");

            assertThat(run("auth", "profiles")).failedWith(1).outIsEmpty()
                    .errStartsWith("Error: cannot parse config file: parse error");
        }
    }

    @Nested
    class Json {

        @Test
        void should_print_the_official_shape_in_the_official_field_order() {
            fourProfiles();

            assertThat(run("auth", "profiles", "-o", "json")).succeeded().errIsEmpty().outEquals("""
                    {
                      "profiles": [
                        {
                          "name": "DEFAULT",
                          "host": "$HOST",
                          "cloud": "aws",
                          "auth_type": "pat",
                          "valid": true
                        },
                        {
                          "name": "bad",
                          "host": "$HOST",
                          "cloud": "aws",
                          "auth_type": "pat",
                          "valid": false,
                          "default": true
                        },
                        {
                          "name": "nocreds",
                          "host": "$HOST",
                          "cloud": "aws",
                          "auth_type": "",
                          "valid": false
                        },
                        {
                          "name": "acct",
                          "account_id": "abc",
                          "cloud": "",
                          "auth_type": "pat",
                          "valid": false
                        }
                      ]
                    }
                    """.replace("$HOST", host));
        }

        @Test
        void should_print_an_empty_list_without_a_config_file() {
            assertThat(run("auth", "profiles", "-o", "json")).succeeded().outEquals("{\n  \"profiles\": []\n}\n");
        }

        @Test
        void should_tell_the_cloud_from_the_host() {
            config("""
                    [aws]
                    host = dbc-1.cloud.databricks.com
                    [azure]
                    host = https://adb-1.1.azuredatabricks.net
                    [gcp]
                    host = https://1.1.gcp.databricks.com
                    """);

            CliRun run = run("auth", "profiles", "--skip-validate", "-o", "json");

            assertThat(run).succeeded();
            var profiles = assertThat(run).outJson().get("profiles");
            assertEquals("https://dbc-1.cloud.databricks.com", profiles.get(0).get("host").asText());
            assertEquals(List.of("aws", "azure", "gcp"),
                    List.of(profiles.get(0).get("cloud").asText(), profiles.get(1).get("cloud").asText(),
                            profiles.get(2).get("cloud").asText()));
        }
    }

    @Nested
    class Validation {

        @Test
        void should_make_no_request_with_skip_validate_and_show_the_configured_auth_type() {
            fourProfiles();

            CliRun run = run("auth", "profiles", "--skip-validate", "-o", "json");

            assertThat(run).succeeded();
            verify(exactly(0), anyRequestedFor(anyUrl()));
            var profiles = assertThat(run).outJson().get("profiles");
            assertEquals("", profiles.get(0).get("auth_type").asText());
            assertEquals("pat", profiles.get(3).get("auth_type").asText());
            profiles.forEach(p -> assertEquals(false, p.get("valid").asBoolean()));
        }

        @Test
        void should_ignore_the_environment_of_the_shell() {
            config("[nocreds]\nhost = $HOST\n");

            CliRun run = Dbtok.inHome(home).env("DATABRICKS_TOKEN", "good").env("DATABRICKS_HOST", host)
                    .run("auth", "profiles", "-o", "json");

            assertThat(run).succeeded();
            assertEquals(false, assertThat(run).outJson().get("profiles").get(0).get("valid").asBoolean());
            verify(exactly(0), getRequestedFor(urlEqualTo(ME)));
        }

        @Test
        void should_check_profiles_at_the_same_time() {
            stubFor(get(ME).withHeader("Authorization", equalTo("Bearer slow"))
                    .willReturn(okJson("{\"userName\": \"x\"}").withFixedDelay(1500)));
            config("[a]\nhost = $HOST\ntoken = slow\n[b]\nhost = $HOST\ntoken = slow\n[c]\nhost = $HOST\ntoken = slow\n");

            long start = System.nanoTime();
            CliRun run = run("auth", "profiles");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(run).succeeded().outContains("YES");
            assertTrue(took.compareTo(Duration.ofMillis(4000)) < 0, "three 1.5 s checks one after the other would take 4.5 s: " + took);
        }

        @Test
        void should_count_a_check_that_takes_too_long_as_invalid() throws IOException {
            stubFor(get(ME).withHeader("Authorization", equalTo("Bearer slow"))
                    .willReturn(okJson("{\"userName\": \"x\"}").withFixedDelay(3000)));
            Path file = home.resolve("cfg");
            Files.writeString(file, "[slow]\nhost = " + host + "\ntoken = slow\n[good]\nhost = " + host + "\ntoken = good\n");
            Map<String, String> env = Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_FILE", file.toString());
            List<ResolvedConfig> configs = List.of(ConfigResolver.resolve("slow", env), ConfigResolver.resolve("good", env));

            long start = System.nanoTime();
            List<Boolean> valid = new ProfileValidator(DatabricksClient::create, Duration.ofSeconds(1)).validate(configs);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(List.of(false, true), valid);
            assertTrue(took.compareTo(Duration.ofMillis(2900)) < 0, "the deadline must cut the slow check short: " + took);
        }
    }
}
