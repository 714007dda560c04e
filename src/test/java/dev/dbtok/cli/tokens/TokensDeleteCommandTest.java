package dev.dbtok.cli.tokens;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
class TokensDeleteCommandTest {
    @TempDir
    Path home;

    Dbtok dbtok;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        dbtok = Workspace.defaultProfile(home, wm);
        stubFor(post("/api/2.0/token/delete").willReturn(okJson("{}")));
    }

    @Test
    void should_revoke_the_token_and_print_nothing() {
        CliRun run = dbtok.run("tokens", "delete", Workspace.TOKEN_ID);

        assertThat(run).succeeded().outIsEmpty().errIsEmpty();
        verify(postRequestedFor(urlEqualTo("/api/2.0/token/delete"))
                .withHeader("Authorization", equalTo("Bearer " + Workspace.PAT))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"token_id\": \"" + Workspace.TOKEN_ID + "\"}")));
    }

    @Test
    void should_print_nothing_in_json_mode_either() {
        assertThat(dbtok.run("tokens", "delete", Workspace.TOKEN_ID, "-o", "json")).succeeded().outIsEmpty();
    }

    @Test
    void should_take_the_id_from_json() {
        assertThat(dbtok.run("tokens", "delete", "--json", "{\"token_id\": \"abc\"}")).succeeded().outIsEmpty();
        verify(postRequestedFor(urlEqualTo("/api/2.0/token/delete")).withRequestBody(equalToJson("{\"token_id\": \"abc\"}")));
    }

    @Test
    void should_refuse_an_id_argument_together_with_json() {
        CliRun run = dbtok.run("tokens", "delete", "abc", "--json", "{\"token_id\": \"abc\"}");

        assertThat(run).failedWith(1).errEquals(
                "Error: when --json flag is specified, no positional arguments are allowed. Provide 'token_id' in your JSON input\n");
        verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void should_refuse_two_ids_without_usage() {
        assertThat(dbtok.run("tokens", "delete", "a", "b")).failedWith(1)
                .errEquals("Error: expected to have the id of the token to be revoked\n");
        verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void should_print_the_server_message_for_an_unknown_id() {
        stubFor(post("/api/2.0/token/delete").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Token with id abc does not exist\"}")));

        assertThat(dbtok.run("tokens", "delete", "abc")).failedWith(1).outIsEmpty()
                .errEquals("Error: Token with id abc does not exist\n");
    }

    @Nested
    class Without_an_id {
        @Test
        void should_fail_at_once_without_a_terminal() {
            CliRun run = dbtok.run("tokens", "delete");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: expected to have The ID of the token to be revoked\n");
            verify(exactly(0), anyRequestedFor(anyUrl()));
        }

        @Test
        void should_offer_a_numbered_picker_on_a_terminal() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("""
                    {"token_infos": [{"token_id": "bbb", "comment": "zeta"}, {"token_id": "aaa", "comment": "alpha"},
                     {"token_id": "ccc"}]}""")));

            CliRun run = dbtok.interactive().stdin("7\n3\n").run("tokens", "delete");

            assertThat(run).succeeded().outIsEmpty().errEquals("""
                      1) (ccc)
                      2) alpha (aaa)
                      3) zeta (bbb)
                    The ID of the token to be revoked [1-3]: The ID of the token to be revoked [1-3]:\s""");
            verify(postRequestedFor(urlEqualTo("/api/2.0/token/delete")).withRequestBody(equalToJson("{\"token_id\": \"bbb\"}")));
        }

        @Test
        void should_fail_when_the_picker_reaches_end_of_input() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": [{\"token_id\": \"aaa\"}]}")));

            CliRun run = dbtok.interactive().run("tokens", "delete");

            assertThat(run).failedWith(1).errContains("Error: expected to have The ID of the token to be revoked\n");
        }

        @Test
        void should_explain_when_the_picker_cannot_load_the_list() {
            stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(500)
                    .withBody("{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"boom\"}")));

            assertThat(dbtok.interactive().run("tokens", "delete")).failedWith(1).errEquals(
                    "Error: failed to load names for Tokens drop-down. Please manually specify required arguments. Original error: boom\n");
        }
    }
}
