package dev.dbtok.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.TokenPermissionsRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Error paths end to end: §4 rows, the §5 block, redirects, transport failures and undecodable bodies. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabricksClientErrorTest {
    private String host;
    private DatabricksClient client;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        client = TestConfigs.pat(host).client();
    }

    private static void respond(int status, String body) {
        stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private ApiException listFails() {
        return assertThrows(ApiException.class, () -> client.listTokens());
    }

    private static void assertNoSecret(Throwable e) {
        assertFalse(e.getMessage().contains(TestConfigs.TOKEN), e.getMessage());
        assertFalse(e.toString().contains(TestConfigs.TOKEN), e.toString());
        assertFalse(e.getMessage().contains(TestConfigs.PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }

    @Nested
    class Api_errors {
        @Test
        void should_use_the_fixed_status_text_for_an_empty_body_not_the_reason_phrase() {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withStatusMessage("Nope Nope")));
            ApiException e = listFails();
            assertEquals("Not Found", e.getMessage());
            assertEquals(404, e.status());
            assertNull(e.errorCode());
        }

        @Test
        void should_read_the_standard_json_error() {
            respond(404, """
                    {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Token abc does not exist.",
                     "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "r", "domain": "d", "metadata": {}}]}""");
            ApiException e = listFails();
            assertEquals("Token abc does not exist.", e.getMessage());
            assertEquals("RESOURCE_DOES_NOT_EXIST", e.errorCode());
        }

        @Test
        void should_read_the_legacy_error_field() {
            respond(400, "{\"error\": \"Bad request: legacy\"}");
            assertEquals("Bad request: legacy", listFails().getMessage());
        }

        @Test
        void should_read_a_scim_error() {
            respond(404, "{\"detail\": \"null\", \"scimType\": \"invalidValue\", \"status\": \"404\"}");
            ApiException e = listFails();
            assertEquals("invalidValue SCIM API Internal Error", e.getMessage());
            assertEquals("SCIM_404", e.errorCode());
        }

        @Test
        void should_read_a_code_colon_message_body() {
            respond(400, "INVALID_PARAMETER_VALUE: keys must not be empty");
            ApiException e = listFails();
            assertEquals("keys must not be empty", e.getMessage());
            assertEquals("INVALID_PARAMETER_VALUE", e.errorCode());
        }

        @Test
        void should_read_an_html_pre_body() {
            respond(504, "<html><body><pre>  Gateway timed out. </pre></body></html>");
            ApiException e = listFails();
            assertEquals("Gateway timed out", e.getMessage());
            assertEquals("GATEWAY_TIMEOUT", e.errorCode());
        }

        @Test
        void should_keep_any_other_body_raw() {
            respond(502, "no healthy upstream");
            ApiException e = listFails();
            assertEquals("no healthy upstream", e.getMessage());
            assertEquals("UNKNOWN", e.errorCode());
        }

        @Test
        void should_fall_back_to_the_status_text_for_an_empty_json_message() {
            respond(409, "{\"error_code\": \"CONFLICT\", \"message\": \"\"}");
            assertEquals("Conflict", listFails().getMessage());
        }

        @Test
        void should_flag_rate_limits() {
            respond(429, "{\"error_code\": \"REQUEST_LIMIT_EXCEEDED\", \"message\": \"slow down\"}");
            DatabricksClient once = TestConfigs.pat(host).disableRetries().client();
            ApiException e = assertThrows(ApiException.class, once::listTokens);
            assertTrue(e.isRateLimited());
            assertEquals("slow down", e.getMessage());
        }

        @Test
        void should_fail_the_void_calls_too() {
            respond(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Invalid keys: [\\\"enableFoo\\\"]\"}");
            ApiException e = assertThrows(ApiException.class,
                    () -> client.setWorkspaceConf(Map.of("enableFoo", "true")));
            assertEquals("Invalid keys: [\"enableFoo\"]", e.getMessage());
        }
    }

    @Nested
    class Auth_blocks {
        @Test
        void should_append_the_401_block_for_a_pat_profile() {
            respond(401, "{\"error_code\": \"401\", \"message\": \"Invalid access token.\"}");
            ApiException e = listFails();
            assertEquals("""
                    Error: Invalid access token.

                    Profile:   dev
                    Host:      %s
                    Auth type: Personal Access Token (pat)

                    Next steps:
                      - Regenerate your access token and update the token in profile dev
                      - Check your identity: dbtok auth describe --profile dev""".formatted(host),
                    "Error: " + e.getMessage());
            assertEquals("Invalid access token.", e.apiMessage());
            assertNoSecret(e);
        }

        @Test
        void should_append_the_403_block() {
            respond(403, "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"Only admins can list tokens.\"}");
            ApiException e = assertThrows(ApiException.class, () -> client.listTokenManagement(null, null));
            assertEquals("""
                    Error: Only admins can list tokens.

                    Profile:   dev
                    Host:      %s
                    Auth type: Personal Access Token (pat)

                    Next steps:
                      - Verify you have the required permissions for this operation
                      - Check your identity: dbtok auth describe --profile dev""".formatted(host),
                    "Error: " + e.getMessage());
        }

        @Test
        void should_suggest_a_profile_for_basic_without_one() {
            respond(401, "");
            DatabricksClient basic = TestConfigs.basic(host).profile(null).client();
            ApiException e = assertThrows(ApiException.class, basic::listTokens);
            assertEquals("""
                    Error: Unauthorized

                    Host:      %s
                    Auth type: Basic

                    Next steps:
                      - Check your username and password
                      - Check your identity: dbtok auth describe
                      - Consider setting up a profile: add a [<name>] section to ~/.databrickscfg and pass --profile <name>"""
                    .formatted(host), "Error: " + e.getMessage());
            assertNoSecret(e);
        }

        @Test
        void should_not_append_a_block_to_other_statuses() {
            respond(404, "{\"message\": \"gone\"}");
            assertEquals("gone", listFails().getMessage());
        }
    }

    @Nested
    class Redirects {
        @Test
        void should_not_follow_a_redirect() {
            stubFor(any(urlPathEqualTo("/api/2.0/token/list"))
                    .willReturn(aResponse().withStatus(302).withHeader("Location", "/login.html?next=tokens")));
            ApiException e = listFails();
            assertEquals("unexpected redirect (HTTP 302) to /login.html?next=tokens", e.getMessage());
            assertEquals(302, e.status());
            verify(0, getRequestedFor(urlPathEqualTo("/login.html")));
        }

        @Test
        void should_not_follow_a_permanent_redirect_of_a_post() {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(308).withHeader("Location", "https://elsewhere.example/x")));
            ApiException e = assertThrows(ApiException.class,
                    () -> client.createToken(new CreateTokenRequest(null, "c", null, null)));
            assertEquals("unexpected redirect (HTTP 308) to https://elsewhere.example/x", e.getMessage());
        }
    }

    @Nested
    class Transport_failures {
        private int closedPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        @Test
        void should_report_a_refused_connection_with_op_and_url() throws IOException {
            String closed = "http://127.0.0.1:" + closedPort();
            DatabricksClient offline = TestConfigs.pat(closed).disableRetries().client();
            TransportException e = assertThrows(TransportException.class, () -> offline.getWorkspaceConf("a,b"));
            assertEquals("Get \"" + closed + "/api/2.0/workspace-conf?keys=a%2Cb\": connect: connection refused",
                    e.getMessage());
            assertEquals(TransportException.Kind.CONNECTION_REFUSED, e.kind());
            assertFalse(e.kind().mayHaveBeenSent());
            assertNoSecret(e);
        }

        @Test
        void should_name_the_method_of_a_failed_post() throws IOException {
            String closed = "http://127.0.0.1:" + closedPort();
            DatabricksClient offline = TestConfigs.pat(closed).disableRetries().client();
            TransportException e = assertThrows(TransportException.class,
                    () -> offline.createToken(new CreateTokenRequest(null, null, null, null)));
            assertEquals("Post \"" + closed + "/api/2.0/token/create\": connect: connection refused", e.getMessage());
        }

        @Test
        void should_report_an_unknown_host() {
            DatabricksClient nowhere = TestConfigs.pat("https://dbtok-test.invalid").client();
            TransportException e = assertThrows(TransportException.class, () -> nowhere.deleteTokenManagement("t1"));
            assertEquals("Delete \"https://dbtok-test.invalid/api/2.0/token-management/tokens/t1\": "
                    + "lookup dbtok-test.invalid: no such host", e.getMessage());
            assertEquals(TransportException.Kind.UNKNOWN_HOST, e.kind());
            assertNoSecret(e);
        }

        @Test
        void should_report_a_read_timeout_after_http_timeout_seconds() {
            stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(2500)));
            DatabricksClient impatient = TestConfigs.pat(host).httpTimeoutSeconds(1).disableRetries().client();
            TransportException e = assertThrows(TransportException.class, impatient::listTokens);
            assertEquals("Get \"" + host + "/api/2.0/token/list\": i/o timeout", e.getMessage());
            assertTrue(e.kind().mayHaveBeenSent());
        }

        @Test
        void should_report_a_read_timeout_when_a_streamed_listing_stalls_mid_body() throws Exception {
            StringBuilder json = new StringBuilder("{\"token_infos\": [");
            for (int i = 0; i < 2000; i++) {
                json.append(i == 0 ? "" : ",").append("{\"token_id\": \"t").append(i).append("\"}");
            }
            byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                // Headers and half the body at once, then nothing for 5 s: longer than the 1 s read timeout.
                Thread stalling = new Thread(() -> {
                    try (Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                        OutputStream out = socket.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, 0, body.length / 2);
                        out.flush();
                        Thread.sleep(5000);
                        out.write(body, body.length / 2, body.length - body.length / 2);
                    } catch (IOException | InterruptedException e) {
                        // the client gave up
                    }
                });
                stalling.setDaemon(true);
                stalling.start();
                String stalled = "http://127.0.0.1:" + server.getLocalPort();
                DatabricksClient impatient = TestConfigs.pat(stalled).httpTimeoutSeconds(1).disableRetries().client();
                List<String> read = new ArrayList<>();
                // Without a read timeout the body would end after 5 s and the listing succeed.
                TransportException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    try (Listing<TokenInfo> tokens = impatient.streamTokenManagement(null, null)) {
                        return assertThrows(TransportException.class, () -> tokens.forEach(t -> read.add(t.tokenId())));
                    }
                });
                assertEquals("Get \"" + stalled + "/api/2.0/token-management/tokens\": i/o timeout", e.getMessage());
                assertTrue(read.size() > 100 && read.size() < 2000, "tokens read before the stall: " + read.size());
            }
        }

        @Test
        void should_report_a_connection_reset() {
            stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            DatabricksClient once = TestConfigs.pat(host).disableRetries().client();
            TransportException e = assertThrows(TransportException.class,
                    () -> once.updatePermissions(new TokenPermissionsRequest(null)));
            assertEquals("Patch \"" + host + "/api/2.0/permissions/authorization/tokens\": read: connection reset by peer",
                    e.getMessage());
            assertEquals(TransportException.Kind.CONNECTION_RESET, e.kind());
        }

        @Test
        void should_report_an_empty_response_as_eof() {
            stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
            DatabricksClient once = TestConfigs.pat(host).disableRetries().client();
            TransportException e = assertThrows(TransportException.class,
                    () -> once.setPermissions(new TokenPermissionsRequest(null)));
            assertEquals("Put \"" + host + "/api/2.0/permissions/authorization/tokens\": EOF", e.getMessage());
            assertEquals(TransportException.Kind.EOF, e.kind());
        }
    }

    @Nested
    class Undecodable_bodies {
        @Test
        void should_report_invalid_json_without_quoting_it() {
            respond(200, "{\"token_value\": dapi-SECRET}");
            ResponseDecodeException e = assertThrows(ResponseDecodeException.class,
                    () -> client.createToken(new CreateTokenRequest(null, null, null, null)));
            assertTrue(e.getMessage().startsWith("Post \"" + host + "/api/2.0/token/create\": cannot decode the response: "
                    + "invalid JSON (line 1, column "), e.getMessage());
            assertNull(e.getCause());
            assertNoSecret(e);
        }

        @Test
        void should_name_the_field_of_a_mistyped_value() {
            respond(200, "{\"token_infos\": [{\"token_id\": \"t\", \"creation_time\": \"SECRET-not-a-number\"}]}");
            ResponseDecodeException e = assertThrows(ResponseDecodeException.class, client::listTokens);
            assertTrue(e.getMessage().startsWith("Get \"" + host + "/api/2.0/token/list\": cannot decode the response: "
                    + "unexpected value at token_infos[0].creation_time"), e.getMessage());
            assertNoSecret(e);
        }
    }

    @Test
    void should_send_a_request_that_failed_with_500_only_once() {
        respond(500, "");
        listFails();
        verify(1, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
    }
}
