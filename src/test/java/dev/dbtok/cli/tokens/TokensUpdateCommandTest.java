package dev.dbtok.cli.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokensUpdateCommandTest {
    @TempDir
    Path home;

    Dbtok dbtok;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
        stubFor(patch("/api/2.0/token/" + Workspace.TOKEN_ID).willReturn(okJson("{}")));
    }

    @Test
    void should_patch_the_token_and_print_the_empty_response() {
        CliRun run = dbtok.run("tokens", "update", Workspace.TOKEN_ID, "--json",
                "{\"token\": {\"comment\": \"renamed\"}, \"update_mask\": \"comment\"}");

        assertThat(run).succeeded().errIsEmpty().outEquals("{}\n");
        verify(patchRequestedFor(urlEqualTo("/api/2.0/token/" + Workspace.TOKEN_ID))
                .withHeader("Authorization", equalTo("Bearer " + Workspace.PAT))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"token\": {\"comment\": \"renamed\"}, \"update_mask\": \"comment\"}")));
    }

    @Test
    void should_warn_that_token_id_belongs_in_the_argument() {
        CliRun run = dbtok.run("tokens", "update", Workspace.TOKEN_ID, "--json",
                "{\"token_id\": \"x\", \"update_mask\": \"comment\"}");

        assertThat(run).succeeded().errEquals("Warning: unknown field: token_id\n  in (inline):1:3\n\n");
        verify(patchRequestedFor(urlEqualTo("/api/2.0/token/" + Workspace.TOKEN_ID))
                .withRequestBody(equalToJson("{\"update_mask\": \"comment\"}")));
    }

    @Test
    void should_require_json() {
        assertThat(dbtok.run("tokens", "update", Workspace.TOKEN_ID)).failedWith(1).outIsEmpty()
                .errEquals("Error: please provide command input in JSON format by specifying the --json flag\n");
        verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void should_require_the_id_with_usage() {
        assertThat(dbtok.run("tokens", "update", "--json", "{}")).failedWith(1)
                .errStartsWith("Error: accepts 1 arg(s), received 0\n\nUsage:\n  dbtok tokens update TOKEN_ID [flags]\n");
    }

    @Test
    void should_path_encode_the_id() {
        stubFor(patch("/api/2.0/token/a%2Fb").willReturn(okJson("{}")));

        assertThat(dbtok.run("tokens", "update", "a/b", "--json", "{}")).succeeded();
        verify(patchRequestedFor(urlEqualTo("/api/2.0/token/a%2Fb")));
    }
}
