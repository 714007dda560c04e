package dev.dbtok.cli.tokenmanagement;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
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
class TokenManagementCommandsTest {
    private static final String TOKENS_PATH = "/api/2.0/token-management/tokens";
    private static final String PERMISSIONS_PATH = "/api/2.0/permissions/authorization/tokens";
    private static final String FORBIDDEN = "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"Only Admins can access token management APIs.\"}";
    private static final String PERMISSIONS = """
            {"object_id": "authorization/tokens", "object_type": "tokens", "access_control_list": [
              {"group_name": "admins", "all_permissions": [{"permission_level": "CAN_MANAGE", "inherited": false}]},
              {"user_name": "ci@example.com", "display_name": "CI", "all_permissions": [{"permission_level": "CAN_USE"}]}]}
            """;
    private static final String PERMISSIONS_JSON = """
            {
              "access_control_list": [
                {
                  "all_permissions": [
                    {
                      "inherited": false,
                      "permission_level": "CAN_MANAGE"
                    }
                  ],
                  "group_name": "admins"
                },
                {
                  "all_permissions": [
                    {
                      "permission_level": "CAN_USE"
                    }
                  ],
                  "display_name": "CI",
                  "user_name": "ci@example.com"
                }
              ],
              "object_id": "authorization/tokens",
              "object_type": "tokens"
            }
            """;

    @TempDir
    Path home;

    Dbtok dbtok;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
    }

    @Nested
    class List {
        private static final String TOKENS = """
                {"token_infos": [
                  {"token_id": "t1", "created_by_id": 202480738464078, "created_by_username": "ana@example.com",
                   "comment": "nightly <etl>", "creation_time": 1, "expiry_time": -1, "owner_id": 202480738464078},
                  {"token_id": "t22", "created_by_username": "sp-1"}]}
                """;

        @Test
        void should_print_the_table() {
            stubFor(get(TOKENS_PATH).willReturn(okJson(TOKENS)));

            assertThat(dbtok.run("token-management", "list")).succeeded().errIsEmpty().outEquals("""
                    ID   Created By       Comment
                    t1   ana@example.com  nightly <etl>
                    t22  sp-1             \n""");
            verify(getRequestedFor(urlEqualTo(TOKENS_PATH)).withHeader("Authorization", equalTo("Bearer " + Workspace.PAT))
                    .withHeader("Accept", equalTo("application/json")));
        }

        @Test
        void should_print_the_json_array() {
            stubFor(get(TOKENS_PATH).willReturn(okJson(TOKENS)));

            assertThat(dbtok.run("token-management", "list", "-o", "json")).succeeded().outEquals("""
                    [
                      {
                        "comment": "nightly \\u003cetl\\u003e",
                        "created_by_id": 202480738464078,
                        "created_by_username": "ana@example.com",
                        "creation_time": 1,
                        "expiry_time": -1,
                        "owner_id": 202480738464078,
                        "token_id": "t1"
                      },
                      {
                        "created_by_username": "sp-1",
                        "token_id": "t22"
                      }
                    ]
                    """);
        }

        @Test
        void should_send_the_filters_url_encoded() {
            stubFor(get(anyUrl()).willReturn(okJson("{}")));

            assertThat(dbtok.run("token-management", "list", "--created-by-id", "202480738464078",
                    "--created-by-username", "ana smith@example.com")).succeeded().outEquals("ID  Created By  Comment\n");
            verify(getRequestedFor(urlEqualTo(TOKENS_PATH
                    + "?created_by_id=202480738464078&created_by_username=ana%20smith%40example.com")));
        }

        @Test
        void should_apply_the_limit() {
            stubFor(get(TOKENS_PATH).willReturn(okJson(TOKENS)));

            assertThat(dbtok.run("token-management", "list", "--limit", "1")).succeeded()
                    .outEquals("ID  Created By       Comment\nt1  ana@example.com  nightly <etl>\n");
        }

        @Test
        void should_find_the_list_among_other_fields_in_any_order() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("""
                    {"next_page_token": {"a": [1, {"b": null}]}, "token_infos": [{"token_id": "t1"}], "z": "after"}
                    """)));

            assertThat(dbtok.run("token-management", "list", "-o", "json")).succeeded()
                    .outEquals("[\n  {\n    \"token_id\": \"t1\"\n  }\n]\n");
        }

        @Test
        void should_read_a_null_list_an_empty_body_and_a_null_body_as_no_tokens() {
            for (String body : java.util.List.of("{\"token_infos\": null}", "", "null", "{}")) {
                stubFor(get(TOKENS_PATH).willReturn(okJson(body)));

                assertThat(dbtok.run("token-management", "list", "-o", "json")).succeeded().outEquals("[]\n");
                assertThat(dbtok.run("token-management", "list")).succeeded().outEquals("ID  Created By  Comment\n");
            }
        }

        @Test
        void should_print_a_null_token_as_a_row_of_empty_cells() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("{\"token_infos\": [null, {\"token_id\": \"a\", \"created_by_username\": \"u\"}]}")));

            assertThat(dbtok.run("token-management", "list")).succeeded().errIsEmpty()
                    .outEquals("ID  Created By  Comment\n                \na   u           \n");
        }

        @Test
        void should_print_nothing_when_a_later_token_does_not_decode() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("""
                    {"token_infos": [{"token_id": "t1"}, {"token_id": "t2", "creation_time": "soon"}]}
                    """)));

            CliRun json = dbtok.run("token-management", "list", "-o", "json");
            CliRun text = dbtok.run("token-management", "list");

            assertThat(json).failedWith(1).outIsEmpty().errStartsWith("Error: ").errContains("token_infos");
            assertThat(text).failedWith(1).outIsEmpty().errEquals(json.err());
        }

        @Test
        void should_print_nothing_when_the_body_breaks_off_after_the_list() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("{\"token_infos\": [{\"token_id\": \"t1\"}], \"x\": [")));

            assertThat(dbtok.run("token-management", "list", "-o", "json")).failedWith(1).outIsEmpty().errStartsWith("Error: ");
        }

        @Test
        void should_fail_past_the_limit_too_when_a_later_token_does_not_decode() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("""
                    {"token_infos": [{"token_id": "t1"}, {"token_id": "t2", "creation_time": "soon"}]}
                    """)));

            assertThat(dbtok.run("token-management", "list", "--limit", "1")).failedWith(1).outIsEmpty()
                    .errContains("unexpected value at token_infos[1].creation_time");
            assertThat(dbtok.run("token-management", "list", "--limit", "1", "-o", "json")).failedWith(1).outIsEmpty()
                    .errContains("unexpected value at token_infos[1].creation_time");
        }

        @Test
        void should_keep_the_tokens_printed_before_a_long_body_breaks_off() {
            StringBuilder body = new StringBuilder("{\"token_infos\": [");
            for (int i = 0; i < 40_000; i++) {
                body.append(i == 0 ? "" : ",").append("{\"token_id\": \"t").append(i).append("\", \"comment\": \"c\"}");
            }
            stubFor(get(TOKENS_PATH).willReturn(okJson(body.append(", {\"token_id\": ").toString())));

            CliRun json = dbtok.run("token-management", "list", "-o", "json");
            CliRun text = dbtok.run("token-management", "list");

            assertThat(json).failedWith(1).errStartsWith("Error: ").errContains("token_infos[40000]");
            org.junit.jupiter.api.Assertions.assertTrue(json.out().startsWith("[\n  {\n    \"comment\": \"c\",\n    \"token_id\": \"t0\"\n  },"));
            // Whole tokens only, and never a closing bracket that would make it look complete.
            org.junit.jupiter.api.Assertions.assertTrue(json.out().endsWith("\"token_id\": \"t39999\"\n  }"),
                    json.out().substring(json.out().length() - 80));
            assertThat(text).failedWith(1).outIsEmpty().errEquals(json.err());
        }

        @Test
        void should_print_the_same_bytes_to_the_byte_stream_of_stdout() {
            StringBuilder body = new StringBuilder("{\"token_infos\": [null");
            String[] comments = {"plain", "<etl> & \\\"q\\\"", "é日本😀", "\\ud83d alone", "tab\\tand\\nbreak", "\\u2028", ""};
            for (int i = 0; i < 30_000; i++) {
                body.append(", {\"token_id\": \"t").append(i).append("\", \"comment\": \"").append(comments[i % comments.length])
                        .append("\", \"creation_time\": ").append(1_700_000_000_000L + i).append(", \"expiry_time\": -1")
                        .append(", \"created_by_username\": \"user").append(i % 97).append("@example.com\"")
                        .append(", \"scopes\": [\"a\", \"b").append(i % 3).append("\"]}");
            }
            stubFor(get(TOKENS_PATH).willReturn(okJson(body.append("]}").toString())));

            CliRun json = dbtok.run("token-management", "list", "-o", "json");
            CliRun text = dbtok.run("token-management", "list");
            dbtok.byteStdout();

            assertThat(dbtok.run("token-management", "list", "-o", "json")).succeeded().errIsEmpty().outEquals(json.out());
            assertThat(dbtok.run("token-management", "list")).succeeded().errIsEmpty().outEquals(text.out());
            org.junit.jupiter.api.Assertions.assertTrue(json.out().length() > (2 << 20), "longer than what is held back");
        }

        @Test
        void should_keep_the_same_tokens_on_the_byte_stream_of_stdout_when_a_long_body_breaks_off() {
            StringBuilder body = new StringBuilder("{\"token_infos\": [");
            for (int i = 0; i < 40_000; i++) {
                body.append(i == 0 ? "" : ",").append("{\"token_id\": \"t").append(i).append("\", \"comment\": \"é\"}");
            }
            stubFor(get(TOKENS_PATH).willReturn(okJson(body.append(", {\"token_id\": ").toString())));

            CliRun json = dbtok.run("token-management", "list", "-o", "json");
            dbtok.byteStdout();
            CliRun bytes = dbtok.run("token-management", "list", "-o", "json");
            CliRun text = dbtok.run("token-management", "list");

            assertThat(bytes).failedWith(1).errEquals(json.err()).outEquals(json.out());
            org.junit.jupiter.api.Assertions.assertTrue(bytes.out().endsWith("\"token_id\": \"t39999\"\n  }"));
            assertThat(text).failedWith(1).outIsEmpty().errEquals(json.err());
        }

        @Test
        void should_print_nothing_on_the_byte_stream_of_stdout_when_a_later_token_does_not_decode() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("""
                    {"token_infos": [{"token_id": "t1"}, {"token_id": "t2", "creation_time": "soon"}]}
                    """)));
            dbtok.byteStdout();

            assertThat(dbtok.run("token-management", "list", "-o", "json")).failedWith(1).outIsEmpty()
                    .errContains("unexpected value at token_infos[1].creation_time");
            assertThat(dbtok.run("token-management", "list")).failedWith(1).outIsEmpty()
                    .errContains("unexpected value at token_infos[1].creation_time");
        }

        @Test
        void should_fail_without_sending_again_when_the_connection_breaks_mid_body() {
            stubFor(get(TOKENS_PATH).willReturn(aResponse().withStatus(200)
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK)));

            assertThat(dbtok.run("token-management", "list", "-o", "json")).failedWith(1).outIsEmpty()
                    .errStartsWith("Error: Get \"");
            verify(exactly(1), getRequestedFor(urlEqualTo(TOKENS_PATH)));
        }

        @Test
        void should_refuse_positional_arguments() {
            assertThat(dbtok.run("token-management", "list", "x")).failedWith(1)
                    .errStartsWith("Error: accepts 0 arg(s), received 1\n\nUsage:\n  dbtok token-management list [flags]\n");
        }

        @Test
        void should_print_the_server_message_for_non_admins() {
            stubFor(get(TOKENS_PATH).willReturn(aResponse().withStatus(403).withBody(FORBIDDEN)));

            CliRun run = dbtok.run("token-management", "list");

            assertThat(run).failedWith(1).outIsEmpty().errStartsWith("Error: Only Admins can access token management APIs.\n")
                    .errContains("Verify you have the required permissions for this operation");
        }
    }

    @Nested
    class Get_and_delete {
        @Test
        void should_print_the_token_info() {
            stubFor(get(TOKENS_PATH + "/t1").willReturn(okJson("{\"token_info\": {\"token_id\": \"t1\", \"owner_id\": \"42\"}}")));

            assertThat(dbtok.run("token-management", "get", "t1")).succeeded().outEquals("""
                    {
                      "token_info": {
                        "owner_id": 42,
                        "token_id": "t1"
                      }
                    }
                    """);
        }

        @Test
        void should_delete_without_accept_header_and_print_nothing() {
            stubFor(delete(TOKENS_PATH + "/t1").willReturn(okJson("{}")));

            assertThat(dbtok.run("token-management", "delete", "t1")).succeeded().outIsEmpty().errIsEmpty();
            verify(deleteRequestedFor(urlEqualTo(TOKENS_PATH + "/t1")).withHeader("Accept", absent())
                    .withHeader("Authorization", equalTo("Bearer " + Workspace.PAT)));
        }

        @Test
        void should_print_the_message_for_an_unknown_id() {
            stubFor(get(TOKENS_PATH + "/nope").willReturn(aResponse().withStatus(404)
                    .withBody("{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Token with ID nope does not exist.\"}")));

            assertThat(dbtok.run("token-management", "get", "nope")).failedWith(1).outIsEmpty()
                    .errEquals("Error: Token with ID nope does not exist.\n");
        }

        @Test
        void should_fail_without_an_id_in_scripts() {
            assertThat(dbtok.run("token-management", "get")).failedWith(1).errEquals("Error: expected to have The ID of the token to get\n");
            assertThat(dbtok.run("token-management", "delete")).failedWith(1)
                    .errEquals("Error: expected to have The ID of the token to revoke\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void should_fail_with_two_ids() {
            assertThat(dbtok.run("token-management", "get", "a", "b")).failedWith(1)
                    .errEquals("Error: expected to have the id of the token to get\n");
            assertThat(dbtok.run("token-management", "delete", "a", "b")).failedWith(1)
                    .errEquals("Error: expected to have the id of the token to revoke\n");
        }

        @Test
        void should_pick_from_all_tokens_on_a_terminal() {
            stubFor(get(TOKENS_PATH).willReturn(okJson("{\"token_infos\": [{\"token_id\": \"t1\", \"comment\": \"one\"}]}")));
            stubFor(get(TOKENS_PATH + "/t1").willReturn(okJson("{\"token_info\": {\"token_id\": \"t1\"}}")));

            CliRun run = dbtok.interactive().stdin("1\n").run("token-management", "get");

            assertThat(run).succeeded().errEquals("  1) one (t1)\nThe ID of the token to get [1-1]: ");
        }

        @Test
        void should_name_the_drop_down_when_the_list_fails() {
            stubFor(get(TOKENS_PATH).willReturn(aResponse().withStatus(403).withBody(FORBIDDEN)));

            assertThat(dbtok.interactive().run("token-management", "delete")).failedWith(1).errStartsWith(
                    "Error: failed to load names for Token Management drop-down. Please manually specify required arguments. Original error: Only Admins can access token management APIs.");
        }
    }

    @Nested
    class Create_obo_token {
        @Test
        void should_create_a_token_for_the_service_principal() {
            stubFor(post("/api/2.0/token-management/on-behalf-of/tokens").willReturn(okJson(
                    "{\"token_info\": {\"token_id\": \"t9\", \"created_by_id\": 1, \"owner_id\": 7}, \"token_value\": \"dapi-obo\"}")));

            CliRun run = dbtok.run("token-management", "create-obo-token", "app-123", "--comment", "ci", "--lifetime-seconds", "600");

            assertThat(run).succeeded().errIsEmpty().outEquals("""
                    {
                      "token_info": {
                        "created_by_id": 1,
                        "owner_id": 7,
                        "token_id": "t9"
                      },
                      "token_value": "dapi-obo"
                    }
                    """);
            verify(postRequestedFor(urlEqualTo("/api/2.0/token-management/on-behalf-of/tokens"))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson("{\"application_id\": \"app-123\", \"comment\": \"ci\", \"lifetime_seconds\": 600}")));
        }

        @Test
        void should_take_everything_from_json() {
            stubFor(post("/api/2.0/token-management/on-behalf-of/tokens").willReturn(okJson("{}")));

            assertThat(dbtok.run("token-management", "create-obo-token", "--comment", "c", "--json", "{\"application_id\": \"a\"}"))
                    .succeeded();
            verify(postRequestedFor(urlEqualTo("/api/2.0/token-management/on-behalf-of/tokens"))
                    .withRequestBody(equalToJson("{\"application_id\": \"a\", \"comment\": \"c\"}")));
        }

        @Test
        void should_refuse_an_argument_with_json() {
            assertThat(dbtok.run("token-management", "create-obo-token", "a", "--json", "{}")).failedWith(1).errEquals(
                    "Error: when --json flag is specified, no positional arguments are allowed. Provide 'application_id' in your JSON input\n");
        }

        @Test
        void should_fail_without_an_application_id_even_on_a_terminal() {
            assertThat(dbtok.interactive().run("token-management", "create-obo-token")).failedWith(1)
                    .errEquals("Error: expected to have Application ID of the service principal\n");
            assertThat(dbtok.run("token-management", "create-obo-token", "a", "b")).failedWith(1)
                    .errEquals("Error: expected to have application id of the service principal\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }
    }

    @Nested
    class Update_token_management {
        @Test
        void should_patch_and_print_the_token_info() {
            stubFor(patch(TOKENS_PATH + "/t1").willReturn(okJson("{\"token_id\": \"t1\", \"comment\": \"new\"}")));

            assertThat(dbtok.run("token-management", "update-token-management", "t1", "--json",
                    "{\"token\": {\"comment\": \"new\"}, \"update_mask\": \"comment\"}")).succeeded()
                    .outEquals("{\n  \"comment\": \"new\",\n  \"token_id\": \"t1\"\n}\n");
            verify(patchRequestedFor(urlEqualTo(TOKENS_PATH + "/t1"))
                    .withRequestBody(equalToJson("{\"token\": {\"comment\": \"new\"}, \"update_mask\": \"comment\"}")));
        }

        @Test
        void should_require_json_and_the_id() {
            assertThat(dbtok.run("token-management", "update-token-management", "t1")).failedWith(1)
                    .errEquals("Error: please provide command input in JSON format by specifying the --json flag\n");
            assertThat(dbtok.run("token-management", "update-token-management", "--json", "{}")).failedWith(1)
                    .errStartsWith("Error: accepts 1 arg(s), received 0\n\nUsage:\n  dbtok token-management update-token-management TOKEN_ID [flags]\n");
        }
    }

    @Nested
    class Permissions {
        @Test
        void should_print_permission_levels() {
            stubFor(get(PERMISSIONS_PATH + "/permissionLevels").willReturn(okJson(
                    "{\"permission_levels\": [{\"permission_level\": \"CAN_USE\", \"description\": \"Can use tokens\"}]}")));

            assertThat(dbtok.run("token-management", "get-permission-levels", "ignored")).succeeded().outEquals("""
                    {
                      "permission_levels": [
                        {
                          "description": "Can use tokens",
                          "permission_level": "CAN_USE"
                        }
                      ]
                    }
                    """);
        }

        @Test
        void should_print_permissions() {
            stubFor(get(PERMISSIONS_PATH).willReturn(okJson(PERMISSIONS)));

            assertThat(dbtok.run("token-management", "get-permissions")).succeeded().outEquals(PERMISSIONS_JSON);
        }

        @Test
        void should_set_permissions_from_json() {
            stubFor(put(PERMISSIONS_PATH).willReturn(okJson(PERMISSIONS)));

            assertThat(dbtok.run("token-management", "set-permissions", "--json",
                    "{\"access_control_list\": [{\"user_name\": \"ci@example.com\", \"permission_level\": \"CAN_USE\"}]}"))
                    .succeeded().outEquals(PERMISSIONS_JSON);
            verify(putRequestedFor(urlEqualTo(PERMISSIONS_PATH)).withHeader("Content-Type", equalTo("application/json"))
                    .withRequestBody(equalToJson(
                            "{\"access_control_list\": [{\"user_name\": \"ci@example.com\", \"permission_level\": \"CAN_USE\"}]}")));
        }

        @Test
        void should_refuse_set_permissions_without_json() {
            CliRun run = dbtok.run("token-management", "set-permissions");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: " + SetPermissionsCommand.REFUSAL + "\n")
                    .errContains("--json '{\"access_control_list\": []}'");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void should_clear_permissions_when_asked_explicitly() {
            stubFor(put(PERMISSIONS_PATH).willReturn(okJson("{\"object_id\": \"authorization/tokens\"}")));

            assertThat(dbtok.run("token-management", "set-permissions", "--json", "{}")).succeeded();
            assertThat(dbtok.run("token-management", "set-permissions", "--json", "{\"access_control_list\": []}")).succeeded();
            verify(2, putRequestedFor(urlEqualTo(PERMISSIONS_PATH)).withRequestBody(equalToJson("{}")));
        }

        @Test
        void should_update_permissions_with_an_empty_body_by_default() {
            stubFor(patch(PERMISSIONS_PATH).willReturn(okJson(PERMISSIONS)));

            assertThat(dbtok.run("token-management", "update-permissions")).succeeded().outEquals(PERMISSIONS_JSON);
            verify(patchRequestedFor(urlEqualTo(PERMISSIONS_PATH)).withRequestBody(equalToJson("{}")));
        }

        @Test
        void should_reject_a_json_value_of_the_wrong_shape_with_a_warning() {
            stubFor(patch(PERMISSIONS_PATH).willReturn(okJson("{}")));

            assertThat(dbtok.run("token-management", "update-permissions", "--json", "{\"access_control_list\": {}}"))
                    .succeeded().errEquals("Warning: expected sequence, found map\n  in (inline):1:25\n\n");
        }
    }

    @Test
    void should_print_the_same_json_in_text_and_json_modes_for_commands_without_a_table() {
        stubFor(get(TOKENS_PATH + "/t1").willReturn(okJson("{\"token_info\": {\"token_id\": \"t1\", \"comment\": \"a&b\"}}")));
        stubFor(get(PERMISSIONS_PATH).willReturn(okJson(PERMISSIONS)));
        stubFor(get(PERMISSIONS_PATH + "/permissionLevels").willReturn(okJson("{\"permission_levels\": []}")));
        stubFor(post("/api/2.0/token-management/on-behalf-of/tokens").willReturn(okJson("{\"token_value\": \"v\"}")));
        stubFor(patch(TOKENS_PATH + "/t1").willReturn(okJson("{\"token_id\": \"t1\"}")));

        for (String[] args : new String[][] {
            {"token-management", "get", "t1"},
            {"token-management", "get-permissions"},
            {"token-management", "get-permission-levels"},
            {"token-management", "create-obo-token", "app"},
            {"token-management", "update-token-management", "t1", "--json", "{}"}}) {
            CliRun text = dbtok.run(args);
            String[] jsonArgs = java.util.Arrays.copyOf(args, args.length + 2);
            jsonArgs[args.length] = "-o";
            jsonArgs[args.length + 1] = "json";
            CliRun json = dbtok.run(jsonArgs);
            assertThat(text).succeeded();
            assertThat(json).succeeded().outEquals(text.out());
            assertThat(json).outJson();
        }
    }

    @Test
    void should_print_the_group_help_with_main_and_permission_commands() {
        assertThat(dbtok.run("token-management")).succeeded().outContains("""
                Main Commands
                  create-obo-token        Create on-behalf token.
                  delete                  Delete a token.
                  get                     Get token info.
                  list                    List all tokens.
                  update-token-management Update an on-behalf token.

                Permission Commands
                  get-permission-levels   Get token permission levels.
                  get-permissions         Get token permissions.
                  set-permissions         Set token permissions.
                  update-permissions      Update token permissions.
                """);
    }
}
