package dev.dbtok.cli.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.config.ConfigException;
import dev.dbtok.config.ConfigResolver;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One config file, many profiles: for each, what the resolver decides, what {@code auth describe -p} shows,
 * what {@code auth profiles} lists, and whether a real command gets through must all tell the same story.
 */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ResolutionAgreementTest {
    static final String CONFIG = """
            [pat]
            host  = $HOST
            token = good

            [expired]
            host  = $HOST
            token = bad

            [basic]
            host     = $HOST/
            username = jane
            password = pw

            [sp]
            host          = $HOST
            client_id     = sp-id
            client_secret = sp-secret

            [forced-basic]
            host      = $HOST
            token     = good
            auth_type = basic

            [conflict]
            host          = $HOST
            token         = good
            client_id     = sp-id
            client_secret = sp-secret

            [host-only]
            host = $HOST/?o=1234

            [unknown-type]
            host      = $HOST
            token     = good
            auth_type = azure-cli
            """;

    @TempDir
    Path home;

    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        Workspace.writeConfig(home, CONFIG.replace("$HOST", host));
        String basic = "Basic " + Base64.getEncoder().encodeToString("jane:pw".getBytes(StandardCharsets.UTF_8));
        stubFor(any(urlPathMatching("/api/.*")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"Invalid access token.\"}")));
        for (String accepted : new String[] {"Bearer good", basic, "Bearer sp-access"}) {
            stubFor(get("/api/2.0/preview/scim/v2/Me").withHeader("Authorization", equalTo(accepted))
                    .willReturn(okJson("{\"userName\": \"someone\"}")));
            stubFor(get("/api/2.0/token/list").withHeader("Authorization", equalTo(accepted)).willReturn(okJson("{}")));
        }
        stubFor(get("/oidc/.well-known/oauth-authorization-server")
                .willReturn(okJson("{\"token_endpoint\": \"" + host + "/oidc/v1/token\"}")));
        stubFor(post("/oidc/v1/token").willReturn(okJson("{\"access_token\": \"sp-access\", \"expires_in\": 3600}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // profile,    resolved,  shown (configured when unresolved), works
        "pat,          pat,       pat,       true",
        "expired,      pat,       pat,       false",
        "basic,        basic,     basic,     true",
        "sp,           oauth-m2m, oauth-m2m, true",
        "forced-basic, ,          basic,     false",
        "conflict,     ,          ,          false",
        "host-only,    ,          ,          false",
        "unknown-type, ,          azure-cli, false",
    })
    void resolution_description_and_listing_agree(String profile, String authType, String shown, boolean works) {
        Map<String, String> env = Map.of("HOME", home.toString());
        ResolvedConfig resolved = resolveOrNull(profile, env);
        JsonNode describe = assertThat(Dbtok.inHome(home).run("auth", "describe", "-p", profile, "-o", "json")).outJson();
        JsonNode listed = listed(profile);
        CliRun command = Dbtok.inHome(home).run("tokens", "list", "-p", profile);

        String expectedAuthType = shown == null ? "" : shown;
        assertAll(
                () -> assertEquals(authType, resolved == null ? null : resolved.authType(), "resolver auth type"),
                () -> assertEquals(expectedAuthType, describe.at("/details/auth_type").asText(), "describe auth type"),
                () -> assertEquals(expectedAuthType, listed.get("auth_type").asText(""), "profiles auth type"),
                () -> assertEquals(host, describe.at("/details/host").asText(), "describe host"),
                () -> assertEquals(host, listed.get("host").asText(), "profiles host"),
                () -> assertEquals(profile, describe.at("/details/configuration/profile/value").asText(), "describe profile"),
                () -> assertEquals(works ? "success" : "error", describe.get("status").asText(), "describe status"),
                () -> assertEquals(works, listed.get("valid").asBoolean(), "profiles validity"),
                () -> assertEquals(works ? 0 : 1, command.exitCode(), () -> "tokens list\n" + command.dump()));
        if (resolved != null) {
            assertEquals(resolved.host(), describe.at("/details/host").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"forced-basic", "conflict", "host-only", "unknown-type"})
    void a_profile_that_does_not_resolve_fails_with_the_same_message_everywhere(String profile) {
        ConfigException expected = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigResolver.resolve(profile, Map.of("HOME", home.toString())));

        JsonNode describe = assertThat(Dbtok.inHome(home).run("auth", "describe", "-p", profile, "-o", "json")).outJson();
        CliRun command = Dbtok.inHome(home).run("tokens", "list", "-p", profile);

        assertEquals(expected.getMessage(), describe.get("error").asText());
        assertThat(command).failedWith(1).errEquals("Error: " + expected.getMessage() + "\n");
    }

    private JsonNode listed(String profile) {
        JsonNode profiles = assertThat(Dbtok.inHome(home).run("auth", "profiles", "-o", "json")).succeeded().outJson()
                .get("profiles");
        for (JsonNode entry : profiles) {
            if (entry.get("name").asText().equals(profile)) {
                return entry;
            }
        }
        assertNotNull(null, "auth profiles does not list " + profile);
        return null;
    }

    private static ResolvedConfig resolveOrNull(String profile, Map<String, String> env) {
        try {
            return ConfigResolver.resolve(profile, env);
        } catch (ConfigException e) {
            return null;
        }
    }
}
