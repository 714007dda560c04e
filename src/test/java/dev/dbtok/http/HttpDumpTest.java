package dev.dbtok.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.CreateTokenResponse;
import dev.dbtok.output.Log;
import dev.dbtok.output.LogFormat;
import dev.dbtok.output.LogLevel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import dev.dbtok.support.FakeTime;

/** The per-attempt HTTP dump of output.md §5, against a real server. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpDumpTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String CREATED = """
            {"token_info": {"token_id": "t1", "creation_time": 1626286601651, "expiry_time": -1, "comment": "ci"},
             "token_value": "dapi-created-SECRET"}
            """;

    private final StringWriter logged = new StringWriter();
    private String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
    }

    private DatabricksClient client(LogLevel level, boolean headers, String base) {
        Log log = Log.open(level, LogFormat.TEXT, "stderr", new PrintWriter(new StringWriter()), new PrintWriter(logged));
        return new DatabricksClient(TestConfigs.pat(base).workspaceId("123").build(),
                CredentialsProvider.pat(TestConfigs.TOKEN), new HttpDump(log, headers, 96));
    }

    /** The log with the time of day fixed, so that whole dumps can be compared. */
    private String dump() {
        return logged.toString().replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d ", "10:00:00 ");
    }

    @Test
    void should_dump_request_and_response_bodies_with_the_token_value_redacted() {
        stubFor(post("/api/2.0/token/create").willReturn(okJson(CREATED)));

        CreateTokenResponse created = client(LogLevel.DEBUG, false, host)
                .createToken(new CreateTokenRequest(null, "ci", null, null));

        assertEquals("dapi-created-SECRET", created.tokenValue(), "the caller still gets the whole body");
        assertEquals("""
                10:00:00 Debug: POST /api/2.0/token/create
                > {
                >   "comment": "ci"
                > }
                < HTTP/1.1 200 OK
                < {
                <   "token_info": {
                <     "comment": "ci",
                <     "creation_time": 1626286601651,
                <     "expiry_time": -1,
                <     "token_id": "t1"
                <   },
                <   "token_value": "**REDACTED**"
                < } pid=%d sdk=true
                """.formatted(PID), dump());
    }

    @Test
    void should_show_the_decoded_query_and_no_body_for_a_get() {
        stubFor(get(urlPathEqualTo("/api/2.0/token-management/tokens")).willReturn(okJson("{}")));

        client(LogLevel.DEBUG, false, host).listTokenManagement(42L, "jane doe@example.com,x");

        assertEquals("""
                10:00:00 Debug: GET /api/2.0/token-management/tokens?created_by_id=42&created_by_username=jane doe@example.com,x
                < HTTP/1.1 200 OK
                < {} pid=%d sdk=true
                """.formatted(PID), dump());
    }

    @Test
    void should_dump_an_error_response() {
        stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(404)
                .withBody("{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"gone\"}")));

        assertThrows(ApiException.class, () -> client(LogLevel.DEBUG, false, host).listTokens());

        assertEquals("""
                10:00:00 Debug: GET /api/2.0/token/list
                < HTTP/1.1 404 Not Found
                < {
                <   "error_code": "RESOURCE_DOES_NOT_EXIST",
                <   "message": "gone"
                < } pid=%d sdk=true
                """.formatted(PID), dump());
    }

    @Test
    void should_say_why_no_response_came() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        FakeTime time = FakeTime.frozen();
        assertThrows(TransportException.class, () -> client(LogLevel.DEBUG, false, "http://127.0.0.1:" + closed)
                .withTime(time, time).listTokens());

        String attempt = """
                10:00:00 Debug: GET /api/2.0/token/list
                < Error: connect: connection refused pid=%d sdk=true
                """.formatted(PID);
        assertEquals(attempt.repeat(3), dump(), "one dump per attempt: a refused connection is tried three times");
    }

    @Test
    void should_dump_nothing_above_debug_level() {
        stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));

        client(LogLevel.INFO, true, host).listTokens();

        assertEquals("", logged.toString());
    }

    @Nested
    class With_debug_headers {
        @Test
        void should_list_sorted_canonical_headers_with_authorization_redacted() {
            stubFor(post("/api/2.0/token/create").willReturn(okJson(CREATED)
                    .withHeader("Set-Cookie", "session=cookie-SECRET")));

            client(LogLevel.DEBUG, true, host).createToken(new CreateTokenRequest(null, "ci", null, null));

            String dump = dump();
            assertTrue(dump.startsWith("""
                    10:00:00 Debug: POST /api/2.0/token/create
                    > * Host: %s
                    > * Accept: application/json
                    > * Authorization: REDACTED
                    > * Content-Type: application/json
                    > * User-Agent: dbtok/""".formatted(host.substring("http://".length()))), dump);
            assertTrue(dump.contains("""
                    > * X-Databricks-Workspace-Id: 123
                    > {
                    >   "comment": "ci"
                    > }
                    < HTTP/1.1 200 OK
                    < * Content-Type: application/json
                    """), dump);
            assertTrue(dump.contains("\n< * Set-Cookie: REDACTED\n"), dump);
            assertTrue(dump.endsWith("<   \"token_value\": \"**REDACTED**\"\n< } pid=" + PID + " sdk=true\n"), dump);
            assertFalse(dump.contains("SECRET"), dump);
        }
    }

    @Test
    void should_canonicalise_header_names_like_go() {
        assertEquals("X-Databricks-Workspace-Id", HttpDump.canonical("x-databricks-workspace-id"));
        assertEquals("User-Agent", HttpDump.canonical("USER-AGENT"));
    }
}
