package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsing table of http.md §4 and the hint block of §5, on responses built in memory. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiExceptionTest {

    private static ApiException parse(int status, String body) {
        return ApiException.parse(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Response response(int status, String body, String location) {
        Response.Builder builder = new Response.Builder()
                .request(new Request.Builder().url("https://x/api/2.0/token/list").build())
                .protocol(Protocol.HTTP_2)
                .code(status)
                .message("") // HTTP/2 has no reason phrase: it must not be used
                .body(ResponseBody.create(body, MediaType.get("application/json")));
        if (location != null) {
            builder.header("Location", location);
        }
        return builder.build();
    }

    private static void assertError(ApiException e, int status, String code, String message) {
        assertEquals(status, e.status());
        assertEquals(code, e.errorCode());
        assertEquals(message, e.getMessage());
        assertEquals(message, e.apiMessage());
    }

    @Nested
    class Row_1_empty_body {
        @Test
        void should_use_the_status_text_from_the_fixed_table_not_the_response_message() {
            try (Response response = response(404, "", null)) {
                assertError(ApiException.from(response), 404, null, "Not Found");
            }
        }

        @ParameterizedTest
        @CsvSource({
                "400, Bad Request", "401, Unauthorized", "403, Forbidden", "404, Not Found",
                "405, Method Not Allowed", "409, Conflict", "429, Too Many Requests", "500, Internal Server Error",
                "501, Not Implemented", "502, Bad Gateway", "503, Service Unavailable", "504, Gateway Timeout"})
        void should_know_the_status_text_of_every_spec_status(int status, String text) {
            assertEquals(text, StatusText.of(status));
            assertEquals(text, parse(status, "").getMessage());
        }

        @Test
        void should_name_an_unknown_status_by_its_number() {
            assertEquals("", StatusText.of(599));
            assertEquals("HTTP 599", parse(599, "").getMessage());
        }
    }

    @Nested
    class Row_2_json {
        @Test
        void should_take_message_and_error_code() {
            assertError(parse(404, """
                    {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Token 123 does not exist.",
                     "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "r", "domain": "d", "metadata": {}}]}
                    """), 404, "RESOURCE_DOES_NOT_EXIST", "Token 123 does not exist.");
        }

        @Test
        void should_pass_messages_through_verbatim() {
            assertError(parse(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Invalid keys: [\\\"enableFoo\\\"]\"}"),
                    400, "INVALID_PARAMETER_VALUE", "Invalid keys: [\"enableFoo\"]");
        }

        @Test
        void should_accept_a_numeric_error_code() {
            assertError(parse(400, "{\"error_code\": 1234, \"message\": \"m\"}"), 400, "1234", "m");
        }

        @Test
        void should_let_a_legacy_error_replace_the_message() {
            assertError(parse(400, "{\"message\": \"ignored\", \"error\": \"legacy text\"}"), 400, null, "legacy text");
        }

        @Test
        void should_build_a_scim_message_from_type_and_detail() {
            assertError(parse(409, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],"
                    + "\"detail\":\"User already exists.\",\"scimType\":\"uniqueness\",\"status\":\"409\"}"),
                    409, "SCIM_409", "uniqueness User already exists.");
        }

        @Test
        void should_trim_a_scim_message_without_type() {
            assertError(parse(404, "{\"detail\":\"User not found\",\"status\":\"404\"}"), 404, "SCIM_404", "User not found");
        }

        @Test
        void should_call_a_null_scim_detail_an_internal_error() {
            assertError(parse(500, "{\"detail\":\"null\",\"status\":\"500\"}"), 500, "SCIM_500", "SCIM API Internal Error");
        }

        @Test
        void should_prefer_message_over_scim_detail() {
            assertError(parse(400, "{\"message\":\"m\",\"detail\":\"d\",\"status\":\"400\"}"), 400, null, "m");
        }

        @Test
        void should_use_the_http_status_for_a_scim_body_without_status() {
            assertEquals("SCIM_403", parse(403, "{\"detail\":\"no\"}").errorCode());
        }

        @Test
        void should_fall_back_to_the_status_text_when_the_message_is_empty() {
            assertError(parse(400, "{\"error_code\":\"BAD\",\"message\":\"\"}"), 400, "BAD", "Bad Request");
            assertError(parse(500, "{}"), 500, null, "Internal Server Error");
            assertError(parse(502, "null"), 502, null, "Bad Gateway");
        }

        @Test
        void should_not_treat_a_json_array_or_string_as_an_error_object() {
            assertError(parse(400, "[1,2]"), 400, "UNKNOWN", "[1,2]");
            assertError(parse(400, "\"text\""), 400, "UNKNOWN", "\"text\"");
        }

        @Test
        void should_fall_through_when_a_text_field_has_another_type() {
            assertError(parse(400, "{\"message\": 42}"), 400, "UNKNOWN", "{\"message\": 42}");
        }

        @Test
        void should_fall_through_on_trailing_data_after_the_object() {
            assertError(parse(500, "{\"message\":\"m\"} <pre>Boom.</pre>"), 500, "INTERNAL_SERVER_ERROR", "Boom");
        }
    }

    @Nested
    class Row_3_code_colon_message {
        @Test
        void should_split_code_and_message() {
            assertError(parse(400, "INVALID_STATE: workspace is not ready"), 400, "INVALID_STATE", "workspace is not ready");
        }

        @Test
        void should_require_the_whole_body_on_one_line() {
            // Row 5 then prints the body as one line.
            assertError(parse(400, "INVALID_STATE: a\nb"), 400, "UNKNOWN", "INVALID_STATE: a b");
            assertError(parse(400, "INVALID_STATE: a\n"), 400, "UNKNOWN", "INVALID_STATE: a");
        }

        @Test
        void should_not_match_lower_case_codes() {
            assertError(parse(400, "Invalid: nope"), 400, "UNKNOWN", "Invalid: nope");
        }

        @Test
        void should_fall_back_to_the_status_text_for_an_empty_message() {
            assertError(parse(400, "BAD: "), 400, "BAD", "Bad Request");
        }
    }

    @Nested
    class Row_4_html_pre {
        @Test
        void should_take_the_pre_text_trimmed_of_spaces_and_dots_and_the_status_as_code() {
            String html = "<html>\n<body>\n<h2>HTTP ERROR 502</h2>\n<pre> Bad gateway, try again later... </pre>\n</body>\n</html>";
            assertError(parse(502, html), 502, "BAD_GATEWAY", "Bad gateway, try again later");
        }

        @Test
        void should_name_multi_word_statuses_in_upper_snake_case() {
            assertEquals("SERVICE_UNAVAILABLE", parse(503, "<pre>down</pre>").errorCode());
            assertEquals("METHOD_NOT_ALLOWED", parse(405, "<pre>no</pre>").errorCode());
        }

        @Test
        void should_ignore_a_pre_element_split_over_lines() {
            assertError(parse(500, "<pre>a\nb</pre>"), 500, "UNKNOWN", "<pre>a b</pre>");
        }
    }

    @Nested
    class Row_5_anything_else {
        @Test
        void should_keep_the_raw_body() {
            assertError(parse(503, "upstream connect error or disconnect/reset before headers"),
                    503, "UNKNOWN", "upstream connect error or disconnect/reset before headers");
        }

        @Test
        void should_join_the_lines_of_a_text_body_into_one() {
            assertError(parse(502, "  upstream timed out\r\n\n  while reading headers \n"),
                    502, "UNKNOWN", "upstream timed out while reading headers");
        }

        @Test
        void should_use_the_status_text_for_a_blank_body() {
            assertError(parse(502, " \n\t"), 502, "UNKNOWN", "Bad Gateway");
        }

        @Test
        void should_take_the_title_of_an_html_page() {
            assertError(parse(502, """
                    <!DOCTYPE html>
                    <html><head><title>502 Bad Gateway &amp; friends</title></head>
                    <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
                    """), 502, "UNKNOWN", "502 Bad Gateway & friends");
        }

        @Test
        void should_take_the_first_heading_of_an_html_page_without_a_title() {
            assertError(parse(403, "<html><body><h1 class=\"x\">Access\n <b>denied</b></h1><p>Request 42</p></body></html>"),
                    403, "UNKNOWN", "Access denied");
        }

        @Test
        void should_use_the_status_text_for_an_html_page_without_title_or_heading() {
            assertError(parse(504, "<html><body><p>The gateway\ngave up</p></body></html>"),
                    504, "UNKNOWN", "Gateway Timeout");
        }
    }

    @Nested
    class Rate_limits {
        @Test
        void should_count_429_and_the_rate_limit_codes_whatever_the_status() {
            assertTrue(parse(429, "").isRateLimited());
            assertTrue(parse(400, "{\"error_code\":\"RESOURCE_EXHAUSTED\",\"message\":\"m\"}").isRateLimited());
            assertTrue(parse(503, "REQUEST_LIMIT_EXCEEDED: slow down").isRateLimited());
            assertFalse(parse(503, "").isRateLimited());
            assertFalse(parse(400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\"}").isRateLimited());
        }
    }

    @Nested
    class Redirects {
        @Test
        void should_report_the_status_and_location() {
            try (Response response = response(302, "", "https://login.example.com/sso")) {
                ApiException e = ApiException.from(response);
                assertError(e, 302, null, "unexpected redirect (HTTP 302) to https://login.example.com/sso");
            }
        }

        @Test
        void should_report_a_redirect_without_location() {
            try (Response response = response(307, "", null)) {
                assertEquals("unexpected redirect (HTTP 307)", ApiException.from(response).getMessage());
            }
        }
    }

    @Nested
    class Auth_hints {
        private final ApiException unauthorized = parse(401,
                "{\"error_code\":\"401\",\"message\":\"Invalid access token.\"}");
        private final ApiException forbidden = parse(403,
                "{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"User is not an admin.\"}");

        @Test
        void should_append_the_block_for_401_pat_with_profile() {
            ApiException e = unauthorized.withAuthHints(new AuthContext("dev", "https://dbc-1.cloud.databricks.com", "pat"));
            assertEquals("""
                    Error: Invalid access token.

                    Profile:   dev
                    Host:      https://dbc-1.cloud.databricks.com
                    Auth type: Personal Access Token (pat)

                    Next steps:
                      - Regenerate your access token and update the token in profile dev
                      - Check your identity: dbtok auth describe --profile dev""", "Error: " + e.getMessage());
            assertEquals("Invalid access token.", e.apiMessage());
            assertEquals(401, e.status());
            assertEquals("401", e.errorCode());
        }

        @Test
        void should_suggest_a_profile_for_401_pat_without_profile() {
            ApiException e = unauthorized.withAuthHints(new AuthContext(null, "https://x", "pat"));
            assertEquals("""
                    Invalid access token.

                    Host:      https://x
                    Auth type: Personal Access Token (pat)

                    Next steps:
                      - Regenerate your access token
                      - Check your identity: dbtok auth describe
                      - Consider setting up a profile: add a [<name>] section to ~/.databrickscfg and pass --profile <name>""",
                    e.getMessage());
        }

        @Test
        void should_ask_for_permissions_on_403() {
            ApiException e = forbidden.withAuthHints(new AuthContext("admin", "https://x", "pat"));
            assertEquals("""
                    User is not an admin.

                    Profile:   admin
                    Host:      https://x
                    Auth type: Personal Access Token (pat)

                    Next steps:
                      - Verify you have the required permissions for this operation
                      - Check your identity: dbtok auth describe --profile admin""", e.getMessage());
        }

        @Test
        void should_name_basic_and_check_the_password_on_401() {
            ApiException e = unauthorized.withAuthHints(new AuthContext("dev", "https://x", "basic"));
            assertTrue(e.getMessage().contains("\nAuth type: Basic\n"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  - Check your username and password\n"), e.getMessage());
        }

        @Test
        void should_name_oauth_m2m_and_check_the_client_on_401() {
            ApiException e = unauthorized.withAuthHints(new AuthContext("sp", "https://x", "oauth-m2m"));
            assertTrue(e.getMessage().contains("\nAuth type: OAuth Machine-to-Machine (oauth-m2m)\n"), e.getMessage());
            assertTrue(e.getMessage().contains("\n  - Check your service principal client ID and secret\n"), e.getMessage());
        }

        @Test
        void should_print_only_the_known_identity_lines() {
            ApiException e = forbidden.withAuthHints(new AuthContext("", null, null));
            assertEquals("""
                    User is not an admin.


                    Next steps:
                      - Verify you have the required permissions for this operation
                      - Check your identity: dbtok auth describe
                      - Consider setting up a profile: add a [<name>] section to ~/.databrickscfg and pass --profile <name>""",
                    e.getMessage());
        }

        @Test
        void should_leave_other_statuses_alone() {
            ApiException notFound = parse(404, "");
            assertSame(notFound, notFound.withAuthHints(new AuthContext("dev", "https://x", "pat")));
        }

        @Test
        void should_show_an_unknown_auth_type_as_is() {
            assertEquals("azure-cli", ApiException.authTypeDisplayName("azure-cli"));
            assertEquals("Basic", ApiException.authTypeDisplayName("BASIC"));
            ApiException e = unauthorized.withAuthHints(new AuthContext("dev", "https://x", "azure-cli"));
            assertTrue(e.getMessage().contains("\n  - Check your authentication credentials\n"), e.getMessage());
        }
    }

    @Test
    void should_keep_no_response_reference_and_have_no_cause() {
        assertNull(parse(400, "x").getCause());
    }
}
