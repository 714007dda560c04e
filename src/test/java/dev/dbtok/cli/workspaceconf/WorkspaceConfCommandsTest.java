package dev.dbtok.cli.workspaceconf;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkspaceConfCommandsTest {
    @TempDir
    Path home;

    Dbtok dbtok;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
    }

    @Test
    void should_get_status_as_sorted_json_in_text_mode() {
        stubFor(get(urlPathEqualTo("/api/2.0/workspace-conf"))
                .willReturn(okJson("{\"maxTokenLifetimeDays\": \"90\", \"enableTokensConfig\": \"true\", \"x\": null}")));

        assertThat(dbtok.run("workspace-conf", "get-status", "maxTokenLifetimeDays,enableTokensConfig,x")).succeeded()
                .errIsEmpty().outEquals("""
                        {
                          "enableTokensConfig": "true",
                          "maxTokenLifetimeDays": "90",
                          "x": ""
                        }
                        """);
        verify(getRequestedFor(urlEqualTo("/api/2.0/workspace-conf?keys=maxTokenLifetimeDays%2CenableTokensConfig%2Cx"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + Workspace.PAT)));
    }

    @Test
    void should_print_the_same_json_with_output_json() {
        stubFor(get(urlPathEqualTo("/api/2.0/workspace-conf")).willReturn(okJson("{\"enableTokensConfig\": \"false\"}")));

        assertThat(dbtok.run("workspace-conf", "get-status", "enableTokensConfig", "-o", "json")).succeeded()
                .outEquals("{\n  \"enableTokensConfig\": \"false\"\n}\n");
    }

    @Test
    void should_print_unknown_keys_error() {
        stubFor(get(urlPathEqualTo("/api/2.0/workspace-conf")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Invalid keys: [\\\"enableFoo\\\"]\"}")));

        assertThat(dbtok.run("workspace-conf", "get-status", "enableFoo")).failedWith(1).outIsEmpty()
                .errEquals("Error: Invalid keys: [\"enableFoo\"]\n");
    }

    @Test
    void should_require_exactly_one_keys_argument() {
        assertThat(dbtok.run("workspace-conf", "get-status")).failedWith(1)
                .errStartsWith("Error: accepts 1 arg(s), received 0\n\nUsage:\n  dbtok workspace-conf get-status KEYS [flags]\n");
    }

    @Test
    void should_set_status_with_values_as_strings_and_print_nothing() {
        stubFor(patch("/api/2.0/workspace-conf").willReturn(aResponse().withStatus(204)));

        assertThat(dbtok.run("workspace-conf", "set-status", "--json",
                "{\"maxTokenLifetimeDays\": 90, \"enableTokensConfig\": true, \"note\": \"a\"}")).succeeded().outIsEmpty().errIsEmpty();
        verify(patchRequestedFor(urlEqualTo("/api/2.0/workspace-conf"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", absent())
                .withRequestBody(equalToJson("{\"maxTokenLifetimeDays\": \"90\", \"enableTokensConfig\": \"true\", \"note\": \"a\"}")));
    }

    @Test
    void should_require_json_for_set_status() {
        assertThat(dbtok.run("workspace-conf", "set-status")).failedWith(1)
                .errEquals("Error: please provide command input in JSON format by specifying the --json flag\n");
        verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void should_print_the_server_message_for_a_disallowed_value() {
        stubFor(patch("/api/2.0/workspace-conf").willReturn(aResponse().withStatus(400)
                .withBody("{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Invalid value for maxTokenLifetimeDays\"}")));

        assertThat(dbtok.run("workspace-conf", "set-status", "--json", "{\"maxTokenLifetimeDays\": \"-5\"}")).failedWith(1)
                .errEquals("Error: Invalid value for maxTokenLifetimeDays\n");
    }

    @Test
    void should_warn_about_nested_values() {
        stubFor(patch("/api/2.0/workspace-conf").willReturn(aResponse().withStatus(204)));

        assertThat(dbtok.run("workspace-conf", "set-status", "--json", "{\"a\": {\"b\": 1}}")).succeeded()
                .errEquals("Warning: expected string, found map\n  in (inline):1:7\n\n");
    }
}
