package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shape of error body the workspace or a proxy in front of it sends becomes one {@code Error:} line. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErrorBodiesTest {
    @TempDir
    Path home;

    Dbtok dbtok;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("json", 404, """
                        {"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Token abc does not exist.",
                         "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "NOT_FOUND",
                                      "domain": "tokens.databricks.com", "metadata": {}}]}""",
                        "Token abc does not exist."),
                Arguments.of("json with a numeric code", 400, "{\"error_code\": 400, \"message\": \"Bad scopes\"}",
                        "Bad scopes"),
                Arguments.of("json with an empty message", 409, "{\"error_code\": \"ALREADY_EXISTS\", \"message\": \"\"}",
                        "Conflict"),
                Arguments.of("legacy error", 400, "{\"error\": \"Bad request: legacy API 1.2\"}",
                        "Bad request: legacy API 1.2"),
                Arguments.of("scim detail", 404,
                        "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:Error\"], \"detail\": \"User 7 not found\","
                                + " \"scimType\": \"invalidValue\", \"status\": \"404\"}",
                        "invalidValue User 7 not found"),
                Arguments.of("html pre", 502,
                        "<html><head><title>Error</title></head><body><pre>  Bad gateway from the proxy.  </pre></body></html>",
                        "Bad gateway from the proxy"),
                Arguments.of("html page", 502, """
                        <html>
                        <head><title>502 Bad Gateway</title></head>
                        <body>
                        <center><h1>502 Bad Gateway</h1></center>
                        <hr><center>nginx</center>
                        </body>
                        </html>
                        """, "502 Bad Gateway"),
                Arguments.of("plain text", 500, "upstream connect error or disconnect/reset before headers\n",
                        "upstream connect error or disconnect/reset before headers"),
                Arguments.of("plain text on lines", 504, "stream timeout\nretry later\n", "stream timeout retry later"),
                Arguments.of("code colon message", 400, "INVALID_PARAMETER_VALUE: keys must not be empty",
                        "keys must not be empty"),
                Arguments.of("empty body", 404, "", "Not Found"),
                Arguments.of("empty 500", 500, "", "Internal Server Error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void should_print_one_error_line(String shape, int status, String body, String message) {
        stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));

        CliRun run = dbtok.run("tokens", "list", "-o", "json");

        assertThat(run).failedWith(1).outIsEmpty().noStackTrace().errEquals("Error: " + message + "\n");
    }
}
