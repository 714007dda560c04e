package dev.dbtok.cli.tokens;

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

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import dev.dbtok.output.JsonOutput;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokensListCommandTest {
    private static final String TWO_TOKENS = """
            {"token_infos": [
              {"token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c",
               "creation_time": 1626286601651, "expiry_time": -1, "comment": "ci & cd"},
              {"token_id": "aa", "creation_time": "1626286601652", "expiry_time": 1700000000000}
            ]}
            """;

    @TempDir
    Path home;

    Dbtok dbtok;

    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
        host = wm.getHttpBaseUrl();
    }

    @Nested
    class Text {
        @Test
        void should_print_the_aligned_table() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(TWO_TOKENS)));

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).succeeded().errIsEmpty().outEquals(
                    "ID                                                                Expiry time    Comment\n"
                            + "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c  -1             ci & cd\n"
                            + "aa                                                                1700000000000  \n");
            verify(getRequestedFor(urlEqualTo("/api/2.0/token/list"))
                    .withHeader("Authorization", equalTo("Bearer " + Workspace.PAT))
                    .withHeader("Accept", equalTo("application/json")));
        }

        @Test
        void should_print_header_only_for_empty_list() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));

            assertThat(dbtok.run("tokens", "list")).succeeded().outEquals("ID  Expiry time  Comment\n");
        }

        @Test
        void should_ignore_extra_arguments() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));

            assertThat(dbtok.run("tokens", "list", "extra", "words")).succeeded().outEquals("ID  Expiry time  Comment\n");
        }
    }

    @Nested
    class Json {
        @Test
        void should_print_the_array() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(TWO_TOKENS)));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).succeeded().errIsEmpty().outEquals("""
                    [
                      {
                        "comment": "ci \\u0026 cd",
                        "creation_time": 1626286601651,
                        "expiry_time": -1,
                        "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c"
                      },
                      {
                        "creation_time": 1626286601652,
                        "expiry_time": 1700000000000,
                        "token_id": "aa"
                      }
                    ]
                    """);
        }

        @Test
        void should_print_an_empty_array() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": []}")));

            assertThat(dbtok.run("tokens", "list", "--output", "JSON")).succeeded().outEquals("[]\n");
        }

        @Test
        void should_take_the_format_from_the_environment() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));

            assertThat(dbtok.env("DATABRICKS_OUTPUT_FORMAT", "json").run("tokens", "list")).succeeded().outEquals("[]\n");
        }

        @Test
        void should_let_the_flag_beat_the_environment() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));

            assertThat(dbtok.env("DATABRICKS_OUTPUT_FORMAT", "json").run("tokens", "list", "-o", "text")).succeeded()
                    .outEquals("ID  Expiry time  Comment\n");
        }

        @Test
        void should_ignore_an_invalid_environment_format() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));

            assertThat(dbtok.env("DATABRICKS_OUTPUT_FORMAT", "xml").run("tokens", "list")).succeeded().errIsEmpty()
                    .outEquals("ID  Expiry time  Comment\n");
        }
    }

    /** The body is decoded field by field and printed without the shared mapper: the bytes must not change. */
    @Nested
    class Decoding {
        private static final String ODD_TOKENS = "{\"next_page_token\": \"x\", \"token_infos\": [\n"
                    + "  {\"token_id\": \"t1\", \"creation_time\": 9223372036854775807, \"expiry_time\": -9223372036854775808, \"comment\": \"\u00e9 \u65e5\u672c \ud83d\ude00 <b> \\\"q\\\" \\\\ \\n\\t\\u2028 \\ud83d\", \"scopes\": [\"all-apis\", \"sql\"], \"autoscope_state\": \"ENABLED\", \"inferred_scopes\": [], \"backfill_scopes\": null, \"unknown\": {\"a\": [1, null]}},\n"
                    + "  {\"token_id\": null, \"comment\": null, \"expiry_time\": null, \"creation_time\": \"12\"},\n"
                    + "  {\"token_id\": \"t3\", \"comment\": \"\u65e5\u672c\u8a9e\", \"expiry_time\": 5}\n"
                    + "]}\n";

        @Test
        void should_print_every_field_escapes_and_extreme_numbers_as_json() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(ODD_TOKENS)));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).succeeded().errIsEmpty().outEquals(
                    "[\n"
                    + "  {\n"
                    + "    \"autoscope_state\": \"ENABLED\",\n"
                    + "    \"comment\": \"\u00e9 \u65e5\u672c \ud83d\ude00 \\u003cb\\u003e \\\"q\\\" \\\\ \\n\\t\\u2028 \ufffd\",\n"
                    + "    \"creation_time\": 9223372036854775807,\n"
                    + "    \"expiry_time\": -9223372036854775808,\n"
                    + "    \"scopes\": [\n"
                    + "      \"all-apis\",\n"
                    + "      \"sql\"\n"
                    + "    ],\n"
                    + "    \"token_id\": \"t1\"\n"
                    + "  },\n"
                    + "  {\n"
                    + "    \"creation_time\": 12\n"
                    + "  },\n"
                    + "  {\n"
                    + "    \"comment\": \"\u65e5\u672c\u8a9e\",\n"
                    + "    \"expiry_time\": 5,\n"
                    + "    \"token_id\": \"t3\"\n"
                    + "  }\n"
                    + "]\n");
        }

        @Test
        void should_print_every_field_escapes_and_extreme_numbers_as_a_table() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(ODD_TOKENS)));

            assertThat(dbtok.run("tokens", "list")).succeeded().errIsEmpty().outEquals(
                    "ID  Expiry time           Comment\n"
                    + "t1  -9223372036854775808  \u00e9 \u65e5\u672c \ud83d\ude00 <b> \"q\" \\ \n"
                    + "    \u2028"
                    + " \ufffd\n"
                    + "    0  \n"
                    + "t3  5  \u65e5\u672c\u8a9e\n");
        }

        @Test
        void should_print_a_null_token_as_null() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": [null, {\"token_id\": \"a\"}]}")));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).succeeded().outEquals("[\n  null,\n  {\n    \"token_id\": \"a\"\n  }\n]\n");
        }

        @Test
        void should_print_a_null_token_as_an_empty_row_in_the_table() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": [null, {\"token_id\": \"a\"}]}")));

            assertThat(dbtok.run("tokens", "list")).succeeded().errIsEmpty()
                    .outEquals("ID  Expiry time  Comment\n    0            \na   0            \n");
        }

        @Test
        void should_print_an_empty_array_for_a_null_or_missing_list_or_an_empty_body() {
            for (String body : new String[] {"{\"token_infos\": null}", "{\"other\": [1]}", "", "null"}) {
                stubFor(get("/api/2.0/token/list").willReturn(okJson(body)));

                assertThat(dbtok.run("tokens", "list", "-o", "json")).succeeded().errIsEmpty().outEquals("[]\n");
            }
        }

        @Test
        void should_keep_the_first_n_items_as_json() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(ODD_TOKENS)));

            CliRun run = dbtok.run("tokens", "list", "-o", "json", "--limit", "1");

            assertThat(run).succeeded().outContains("\"token_id\": \"t1\"");
            org.junit.jupiter.api.Assertions.assertEquals(1, assertThat(run).outJson().size());
        }

        @Test
        void should_fail_on_a_value_that_does_not_decode_naming_its_field() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": [{}, {\"expiry_time\": \"soon\"}]}")));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).failedWith(1).outIsEmpty().errStartsWith("Error: ")
                    .errContains("cannot decode the response: unexpected value at token_infos[1].expiry_time (line 1, column ");
        }

        @Test
        void should_fail_on_a_list_named_twice() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": [], \"token_infos\": []}")));

            assertThat(dbtok.run("tokens", "list")).failedWith(1).outIsEmpty()
                    .errContains("cannot decode the response: unexpected value at token_infos\n");
        }
    }

    @Nested
    class Limit {
        @Test
        void should_keep_the_first_n_items() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(TWO_TOKENS)));

            CliRun run = dbtok.run("tokens", "list", "--limit", "1", "-o", "json");

            assertThat(run).succeeded();
            assertThat(run).outJson();
            org.junit.jupiter.api.Assertions.assertEquals(1, assertThat(run).outJson().size());
        }

        @Test
        void should_reject_a_negative_limit_before_any_request() {
            CliRun run = dbtok.run("tokens", "list", "--limit", "-1");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: --limit must be a non-negative integer, got -1\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }
    }

    /**
     * The listing is decoded token by token and printed by dbtok's own writer; it must print what decoding the whole
     * response with the shared mapper and printing it with {@link JsonOutput} or the table printed before.
     */
    @Nested
    class Against_the_whole_response_decoding {
        static java.util.stream.Stream<String> bodies() {
            return java.util.stream.Stream.of(
                    "{}",
                    "null",
                    "{\"token_infos\": null}",
                    "{\"token_infos\": []}",
                    "{\"token_infos\": \"\"}",
                    "{\"next_page_token\": \"p\", \"token_infos\": [{\"token_id\": \"a\", \"extra\": {\"x\": [1, {}]},"
                            + " \"created_by_id\": \"unread\"}], \"more\": [null, 1e400]}",
                    "{\"token_infos\": [{\"token_id\": null, \"comment\": null, \"expiry_time\": null, \"creation_time\": null,"
                            + " \"scopes\": null, \"inferred_scopes\": []}]}",
                    "{\"token_infos\": [{\"token_id\": \"\\u2028\\ud83d\\ude00 \\ud83d é 日本\", \"comment\": \"tab\\there <&> \\\"q\\\" \\\\ /\"}]}",
                    "{\"token_infos\": [{\"token_id\": \"max\", \"creation_time\": 9223372036854775807,"
                            + " \"expiry_time\": -9223372036854775808}, {\"token_id\": \"s\", \"expiry_time\": \"17\"}]}",
                    "{\"token_infos\": [{\"token_id\": \"sc\", \"scopes\": [\"a\", \"b\"], \"autoscope_state\": \"ON\","
                            + " \"inferred_scopes\": [\"c\"], \"backfill_scopes\": [\"d\", null]}]}",
                    "{\"token_infos\": [{\"token_id\": \"first\"}], \"token_infos_count\": 1}",
                    "");
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.MethodSource("bodies")
        void should_print_the_json_the_mapper_printed(String body) throws Exception {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(body)));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).succeeded().errIsEmpty()
                    .outEquals(JsonOutput.toJson(wholeDecoding(body)));
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.MethodSource("bodies")
        void should_print_the_table_printed_from_the_whole_response(String body) throws Exception {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(body)));
            java.io.StringWriter table = new java.io.StringWriter();
            ListTokensCommand.TABLE.render(wholeDecoding(body), table);

            assertThat(dbtok.run("tokens", "list")).succeeded().errIsEmpty().outEquals(table.toString());
        }

        @Test
        void should_print_unicode_and_escapes_as_go_does() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(
                    "{\"token_infos\": [{\"token_id\": \"\\u2028é\\ud83d\", \"expiry_time\": 9223372036854775807,"
                            + " \"comment\": \"<a&b>\\t\\\"\"}]}")));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).succeeded().outEquals("""
                    [
                      {
                        "comment": "\\u003ca\\u0026b\\u003e\\t\\"",
                        "expiry_time": 9223372036854775807,
                        "token_id": "\\u2028é\uFFFD"
                      }
                    ]
                    """);
        }

        @Test
        void should_name_the_token_field_that_does_not_decode() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(
                    "{\"token_infos\":[{\"token_id\":\"a\",\"creation_time\":\"soon\"}]}")));

            CliRun run = dbtok.run("tokens", "list", "-o", "json");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: Get \"" + host
                    + "/api/2.0/token/list\": cannot decode the response: unexpected value at"
                    + " token_infos[0].creation_time (line 1, column 49)\n");
        }

        @Test
        void should_print_nothing_for_a_body_that_breaks_off() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\":[{\"token_id\":\"a\"},")));

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: Get \"" + host
                    + "/api/2.0/token/list\": cannot decode the response: unexpected value at token_infos (line 1, column 34)\n");
        }

        @Test
        void should_refuse_a_list_that_is_an_object() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\":{}}")));

            assertThat(dbtok.run("tokens", "list", "-o", "json")).failedWith(1).outIsEmpty().errEquals("Error: Get \""
                    + host + "/api/2.0/token/list\": cannot decode the response: unexpected value at token_infos"
                    + " (line 1, column 16)\n");
        }

        @Test
        void should_keep_the_limit_in_text_mode() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(TWO_TOKENS)));

            assertThat(dbtok.run("tokens", "list", "--limit", "1")).succeeded().outEquals(
                    "ID                                                                Expiry time  Comment\n"
                            + "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c  -1           ci & cd\n");
        }

        private static java.util.List<dev.dbtok.http.model.PublicTokenInfo> wholeDecoding(String body) throws Exception {
            dev.dbtok.http.model.ListPublicTokensResponse response = dev.dbtok.json.Json.mapper()
                    .readValue(body.isBlank() ? "{}" : body, dev.dbtok.http.model.ListPublicTokensResponse.class);
            return response == null ? java.util.List.of() : response.tokenInfos();
        }
    }

    @Test
    void should_reject_an_invalid_output_flag() {
        assertThat(dbtok.run("tokens", "list", "-o", "xml")).failedWith(1).outIsEmpty().errStartsWith(
                "Error: invalid argument \"xml\" for \"-o, --output\" flag: accepted arguments are json and text\n\nUsage:\n  dbtok tokens list [flags]\n");
    }
}
