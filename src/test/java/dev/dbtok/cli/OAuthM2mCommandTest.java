package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service principal running dbtok in CI: client ID and secret in, access token out, commands through. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OAuthM2mCommandTest {
    static final String SECRET = "dose-SECRET";
    static final String DOC = "https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication";

    @TempDir
    Path home;

    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        stubFor(get("/oidc/.well-known/oauth-authorization-server")
                .willReturn(okJson("{\"token_endpoint\": \"" + host + "/oidc/v1/token\"}")));
        stubFor(post("/oidc/v1/token").willReturn(okJson(
                "{\"access_token\": \"sp-access\", \"token_type\": \"Bearer\", \"expires_in\": 3600, \"scope\": \"all-apis\"}")));
        stubFor(get("/api/2.0/token/list").withHeader("Authorization", equalTo("Bearer sp-access")).willReturn(okJson("{}")));
    }

    Dbtok servicePrincipal() {
        return Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_CLIENT_ID", "sp")
                .env("DATABRICKS_CLIENT_SECRET", SECRET);
    }

    @Nested
    class Working {

        @Test
        void should_authenticate_from_environment_variables() {
            assertThat(servicePrincipal().run("tokens", "list")).succeeded().errIsEmpty().outEquals("ID  Expiry time  Comment\n");

            verify(exactly(1), postRequestedFor(urlEqualTo("/oidc/v1/token"))
                    .withRequestBody(equalTo("grant_type=client_credentials&scope=all-apis")));
            verify(getRequestedFor(urlEqualTo("/api/2.0/token/list")).withHeader("User-Agent", matching(".* auth/oauth-m2m")));
        }

        @Test
        void should_authenticate_from_a_profile_with_auth_type_oauth_m2m() {
            Workspace.writeConfig(home, "[ci]\nhost = " + host + "\nclient_id = sp\nclient_secret = " + SECRET
                    + "\nauth_type = oauth-m2m\nscopes = all-apis, sql\n");

            assertThat(Dbtok.inHome(home).run("tokens", "list", "-p", "ci")).succeeded().errIsEmpty();
            verify(postRequestedFor(urlEqualTo("/oidc/v1/token"))
                    .withRequestBody(equalTo("grant_type=client_credentials&scope=all-apis+sql")));
        }
    }

    @Nested
    class Failing {

        @Test
        void should_report_a_refused_client_without_the_secret() {
            stubFor(post("/oidc/v1/token").willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\": \"invalid_client\", \"error_description\": \"Client authentication failed\"}")));

            assertThat(servicePrincipal().run("tokens", "list")).failedWith(1).outIsEmpty()
                    .errEquals("Error: oauth-m2m auth: oauth2: \"invalid_client\" \"Client authentication failed\"\n")
                    .errDoesNotContain(SECRET);
        }

        @Test
        void should_name_the_service_principal_steps_on_a_401() {
            stubFor(get("/api/2.0/token/list").withHeader("Authorization", equalTo("Bearer sp-access"))
                    .willReturn(aResponse().withStatus(401).withBody("{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"nope\"}")));

            assertThat(servicePrincipal().run("tokens", "list")).failedWith(1).errEquals("""
                    Error: nope

                    Host:      %s
                    Auth type: OAuth Machine-to-Machine (oauth-m2m)

                    Next steps:
                      - Check your service principal client ID and secret
                      - Check your identity: dbtok auth describe
                      - Consider setting up a profile: add a [<name>] section to ~/.databrickscfg and pass --profile <name>
                    """.formatted(host));
        }

        @Test
        void should_refuse_two_authorization_methods() {
            assertThat(servicePrincipal().env("DATABRICKS_TOKEN", "dapi-SECRET").run("tokens", "list")).failedWith(1)
                    .errEquals("Error: validate: more than one authorization method configured: oauth and pat. Config: host="
                            + host + ", token=***, client_id=sp, client_secret=***. Env: DATABRICKS_HOST, DATABRICKS_TOKEN,"
                            + " DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET\n");
        }

        @Test
        void should_refuse_an_unknown_auth_type() {
            assertThat(servicePrincipal().env("DATABRICKS_AUTH_TYPE", "azure-cli").run("tokens", "list")).failedWith(1)
                    .errEquals("Error: default auth: auth type \"azure-cli\" not found, please check " + DOC
                            + " for a list of supported auth types. Config: host=" + host + ", client_id=sp,"
                            + " client_secret=***. Env: DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET\n");
        }

        @Test
        void should_report_missing_client_credentials_for_a_forced_oauth_m2m() {
            assertThat(Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_CLIENT_ID", "sp")
                    .env("DATABRICKS_AUTH_TYPE", "oauth-m2m").run("tokens", "list")).failedWith(1)
                    .errEquals("Error: oauth-m2m auth: not configured. Config: host=" + host + ", client_id=sp."
                            + " Env: DATABRICKS_HOST, DATABRICKS_CLIENT_ID\n");
        }
    }
}
