package dev.dbtok.cli.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
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
class TokensCreateCommandTest {
    private static final String RESPONSE = """
            {"token_info": {"token_id": "%s", "creation_time": 1626286601651, "expiry_time": 1626290201651,
             "comment": "ci", "unknown_field": 1}, "token_value": "dapi-secret-value"}
            """.formatted(Workspace.TOKEN_ID);

    @TempDir
    Path home;

    Dbtok dbtok;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
        stubFor(post("/api/2.0/token/create").willReturn(okJson(RESPONSE)));
    }

    @Test
    void should_send_flags_and_print_the_created_token_as_json() {
        CliRun run = dbtok.run("tokens", "create", "--comment", "ci", "--lifetime-seconds", "3600");

        assertThat(run).succeeded().errIsEmpty().outEquals("""
                {
                  "token_info": {
                    "comment": "ci",
                    "creation_time": 1626286601651,
                    "expiry_time": 1626290201651,
                    "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c"
                  },
                  "token_value": "dapi-secret-value"
                }
                """);
        verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                .withHeader("Authorization", equalTo("Bearer " + Workspace.PAT))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"comment\": \"ci\", \"lifetime_seconds\": 3600}", false, false)));
    }

    @Test
    void should_print_the_same_json_with_output_json() {
        CliRun text = dbtok.run("tokens", "create");
        CliRun json = dbtok.run("tokens", "create", "-o", "json");

        assertThat(json).succeeded().outEquals(text.out());
    }

    @Test
    void should_send_an_empty_object_without_input() {
        assertThat(dbtok.run("tokens", "create")).succeeded();

        verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create")).withRequestBody(equalToJson("{}", false, false)));
    }

    @Test
    void should_send_autoscope_only_when_true() {
        assertThat(dbtok.run("tokens", "create", "--autoscope-enabled")).succeeded();
        verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                .withRequestBody(equalToJson("{\"autoscope_enabled\": true}", false, false)));
    }

    @Test
    void should_omit_flags_left_at_zero() {
        assertThat(dbtok.run("tokens", "create", "--lifetime-seconds", "0", "--comment", "", "--autoscope-enabled=false"))
                .succeeded();
        verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create")).withRequestBody(equalToJson("{}", false, false)));
    }

    @Nested
    class With_json {
        @Test
        void should_merge_json_keys_over_flags_and_keep_zero_values_from_json() {
            CliRun run = dbtok.run("tokens", "create", "--comment", "x", "--lifetime-seconds", "60",
                    "--json", "{\"lifetime_seconds\": 0}");

            assertThat(run).succeeded().errIsEmpty();
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"comment\": \"x\", \"lifetime_seconds\": 0}", false, false)));
        }

        @Test
        void should_read_json_from_a_file(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("req.json");
            Files.writeString(file, "{\"comment\": \"from file\", \"lifetime_seconds\": \"3600\"}");

            assertThat(dbtok.run("tokens", "create", "--json", "@" + file)).succeeded().errIsEmpty();
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"comment\": \"from file\", \"lifetime_seconds\": 3600}", false, false)));
        }

        /** As the official CLI's JSON decoder does: each invalid byte becomes U+FFFD, not an error about decoding. */
        @Test
        void should_read_invalid_utf8_in_a_file_as_replacement_characters(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("req.json");
            Files.write(file, new byte[] {'{', '"', 'c', 'o', 'm', 'm', 'e', 'n', 't', '"', ':', '"', 'a', (byte) 0xff, 'b', '"', '}'});

            assertThat(dbtok.run("tokens", "create", "--json", "@" + file)).succeeded().errIsEmpty();
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"comment\": \"a\uFFFDb\"}", false, false)));
        }

        @Test
        void should_warn_about_unknown_fields_and_drop_them() {
            CliRun run = dbtok.run("tokens", "create", "--json", "{\n  \"comment\": \"a\",\n\n  \"bogus\": 1\n}");

            assertThat(run).succeeded().errEquals("Warning: unknown field: bogus\n  in (inline):4:4\n\n");
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"comment\": \"a\"}", false, false)));
        }

        @Test
        void should_warn_about_values_of_the_wrong_type() {
            CliRun run = dbtok.run("tokens", "create", "--json",
                    "{\"lifetime_seconds\": \"abc\", \"comment\": null, \"autoscope_enabled\": {}, \"scopes\": \"x\"}");

            assertThat(run).succeeded().errEquals("""
                    Warning: cannot parse "abc" as an integer
                      in (inline):1:22

                    Warning: expected a string value, found null
                      in (inline):1:40

                    Warning: expected bool, found map
                      in (inline):1:67

                    Warning: expected sequence, found string
                      in (inline):1:81

                    """);
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create")).withRequestBody(equalToJson("{}", false, false)));
        }

        @Test
        void should_warn_about_fractional_integers() {
            CliRun run = dbtok.run("tokens", "create", "--json", "{\"lifetime_seconds\": 1.5}");

            assertThat(run).succeeded()
                    .errEquals("Warning: cannot accurately represent \"1.5\" as integer due to precision loss\n  in (inline):1:22\n\n");
        }

        @Test
        void should_coerce_yes_to_true_and_numbers_to_text() {
            assertThat(dbtok.run("tokens", "create", "--json", "{\"autoscope_enabled\": \"yes\", \"comment\": 90}"))
                    .succeeded().errIsEmpty();
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"autoscope_enabled\": true, \"comment\": \"90\"}", false, false)));
        }

        @Test
        void should_fail_on_malformed_json_without_calling_the_server() {
            CliRun run = dbtok.run("tokens", "create", "--json", "{\"comment\": ");

            assertThat(run).failedWith(1).outIsEmpty().errStartsWith("Error: error decoding JSON at (inline):1:")
                    .noStackTrace();
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void should_fail_on_trailing_data() {
            assertThat(dbtok.run("tokens", "create", "--json", "{\"a\":1} x")).failedWith(1)
                    .errEquals("Error: error decoding JSON at (inline):1:9: unexpected additional content\n");
        }

        @Test
        void should_fail_on_a_document_that_is_not_an_object() {
            assertThat(dbtok.run("tokens", "create", "--json", "[1]")).failedWith(1)
                    .errEquals("Error: expected JSON object, received sequence\n");
            assertThat(dbtok.run("tokens", "create", "--json", "\"x\"")).failedWith(1)
                    .errEquals("Error: expected JSON object, received string\n");
        }

        @Test
        void should_reject_an_empty_value_with_usage() {
            CliRun run = dbtok.run("tokens", "create", "--json", "");

            assertThat(run).failedWith(1).outIsEmpty().errStartsWith("""
                    Error: invalid argument "" for "--json" flag: expected inline JSON or @path/to/file, got an empty string

                    Usage:
                      dbtok tokens create [flags]
                    """);
        }

        @Test
        void should_name_a_missing_file() {
            CliRun run = dbtok.run("tokens", "create", "--json", "@missing.json");

            assertThat(run).failedWith(1).noStackTrace().errStartsWith(
                    "Error: invalid argument \"@missing.json\" for \"--json\" flag: read missing.json: open missing.json: no such file or directory\n\nUsage:\n");
        }
    }

    @Nested
    class Flag_errors {
        @Test
        void should_reject_a_non_numeric_lifetime() {
            CliRun run = dbtok.run("tokens", "create", "--lifetime-seconds", "abc");

            assertThat(run).failedWith(1).outIsEmpty().noStackTrace().errStartsWith(
                    "Error: invalid argument \"abc\" for \"--lifetime-seconds\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n\nUsage:\n  dbtok tokens create [flags]\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void should_reject_an_out_of_range_lifetime() {
            assertThat(dbtok.run("tokens", "create", "--lifetime-seconds", "99999999999999999999")).failedWith(1).errStartsWith(
                    "Error: invalid argument \"99999999999999999999\" for \"--lifetime-seconds\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range\n");
        }

        @Test
        void should_reject_a_bad_bool() {
            assertThat(dbtok.run("tokens", "create", "--autoscope-enabled=maybe")).failedWith(1).errStartsWith(
                    "Error: invalid argument \"maybe\" for \"--autoscope-enabled\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n\nUsage:\n");
        }

        @Test
        void should_treat_a_separate_false_as_a_positional_argument() {
            assertThat(dbtok.run("tokens", "create", "--autoscope-enabled", "false")).failedWith(1)
                    .errStartsWith("Error: accepts 0 arg(s), received 1\n\nUsage:\n  dbtok tokens create [flags]\n");
        }

        @Test
        void should_name_a_flag_without_value() {
            assertThat(dbtok.run("tokens", "create", "--comment")).failedWith(1)
                    .errStartsWith("Error: flag needs an argument: --comment\n\nUsage:\n");
        }

        @Test
        void should_take_the_next_word_as_value_even_if_it_looks_like_a_flag() {
            assertThat(dbtok.run("tokens", "create", "--comment", "--lifetime-seconds")).succeeded();
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"comment\": \"--lifetime-seconds\"}", false, false)));
        }

        @Test
        void should_let_a_repeated_flag_take_its_last_value() {
            assertThat(dbtok.run("tokens", "create", "--comment", "a", "--comment", "b")).succeeded();
            verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalToJson("{\"comment\": \"b\"}", false, false)));
        }

        @Test
        void should_reject_unknown_flags() {
            assertThat(dbtok.run("tokens", "create", "--foo")).failedWith(1)
                    .errStartsWith("Error: unknown flag: --foo\n\nUsage:\n  dbtok tokens create [flags]\n");
            assertThat(dbtok.run("tokens", "create", "-x")).failedWith(1)
                    .errStartsWith("Error: unknown shorthand flag: 'x' in -x\n\nUsage:\n");
        }

        @Test
        void should_reject_positional_arguments() {
            assertThat(dbtok.run("tokens", "create", "extra")).failedWith(1)
                    .errStartsWith("Error: accepts 0 arg(s), received 1\n\nUsage:\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }
    }

    @Test
    void should_not_send_a_workspace_id_header_when_none_is_configured() {
        assertThat(dbtok.run("tokens", "create")).succeeded();
        verify(postRequestedFor(urlPathEqualTo("/api/2.0/token/create")).withHeader("X-Databricks-Workspace-Id", absent()));
    }
}
