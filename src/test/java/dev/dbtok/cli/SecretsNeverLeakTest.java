package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, at debug level with debug headers on, against a workspace whose every answer is full of secrets:
 * no PAT, password, token value or other secret may reach stderr or the log file, in text or JSON format. Only
 * stdout of a create carries the new token's value.
 */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecretsNeverLeakTest {
    private static final String CREATED_VALUE = "dapi-created-0123456789abcdef-SECRET";
    private static final String OBO_VALUE = "dapi-obo-0123456789abcdef-SECRET";
    private static final String PASSWORD = "correct-horse-battery-SECRET";
    private static final String TOKEN_ID = Workspace.TOKEN_ID;
    /** Every secret the workspace knows or answers with; each answer's are numbered, so a failure names the field. */
    private final List<String> known = new ArrayList<>();

    @TempDir
    Path home;

    String host;

    private String secret(String field) {
        String value = field + "-value-" + known.size() + "-SECRET";
        known.add(value);
        return value;
    }

    /** Fields that must never be shown, plus an unrelated {@code nested} object hiding more of them. */
    private String secrets() {
        return """
                "access_token": "%s", "refresh_token": "%s", "id_token": "%s", "password": "%s",
                "client_secret": "%s", "string_value": "%s", "content": "%s",
                "nested": {"deeper": [{"token_value": "%s", "token": {"token_id": "%s"}}]}
                """.formatted(secret("access_token"), secret("refresh_token"), secret("id_token"), secret("password"),
                secret("client_secret"), secret("string_value"), secret("content"), secret("token_value"),
                secret("token"));
    }

    private static String tokenInfo() {
        return "{\"token_id\": \"%s\", \"comment\": \"ci\", \"creation_time\": 1, \"expiry_time\": -1}".formatted(TOKEN_ID);
    }

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        Workspace.writeConfig(home, """
                [DEFAULT]
                host = %s
                token = %s

                [basic]
                host = %s
                username = jane@example.com
                password = %s
                """.formatted(host, Workspace.PAT, host, PASSWORD));
        known.add(Workspace.PAT);
        known.add(PASSWORD);
        known.add(Base64.getEncoder().encodeToString(("jane@example.com:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        known.add(CREATED_VALUE);
        known.add(OBO_VALUE);
        String tm = "/api/2.0/token-management/tokens";
        String permissions = "/api/2.0/permissions/authorization/tokens";
        stubFor(post("/api/2.0/token/create").willReturn(okJson(
                "{\"token_info\": " + tokenInfo() + ", \"token_value\": \"" + CREATED_VALUE + "\", " + secrets() + "}")));
        stubFor(post("/api/2.0/token/delete").willReturn(okJson("{" + secrets() + "}")));
        stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": [" + tokenInfo() + "], " + secrets() + "}")));
        stubFor(patch(urlPathEqualTo("/api/2.0/token/" + TOKEN_ID)).willReturn(okJson(
                "{\"token\": {\"token_value\": \"" + secret("token") + "\"}, " + secrets() + "}")));
        stubFor(post("/api/2.0/token-management/on-behalf-of/tokens").willReturn(okJson(
                "{\"token_info\": " + tokenInfo() + ", \"token_value\": \"" + OBO_VALUE + "\", " + secrets() + "}")));
        stubFor(delete(tm + "/" + TOKEN_ID).willReturn(okJson("{" + secrets() + "}")));
        stubFor(get(tm + "/" + TOKEN_ID).willReturn(okJson("{\"token_info\": " + tokenInfo() + ", " + secrets() + "}")));
        stubFor(get(urlPathEqualTo(tm)).willReturn(okJson("{\"token_infos\": [" + tokenInfo() + "], " + secrets() + "}")));
        stubFor(patch(urlPathEqualTo(tm + "/" + TOKEN_ID)).willReturn(okJson(
                "{\"token_id\": \"" + TOKEN_ID + "\", " + secrets() + "}")));
        stubFor(get(permissions + "/permissionLevels").willReturn(okJson(
                "{\"permission_levels\": [{\"permission_level\": \"CAN_USE\"}], " + secrets() + "}")));
        String acl = "{\"object_id\": \"authorization/tokens\", " + secrets() + "}";
        stubFor(get(permissions).willReturn(okJson(acl)));
        stubFor(put(permissions).willReturn(okJson(acl)));
        stubFor(patch(permissions).willReturn(okJson(acl)));
        stubFor(get(urlPathEqualTo("/api/2.0/workspace-conf")).willReturn(okJson("{\"maxTokenLifetimeDays\": \"90\"}")));
        stubFor(patch("/api/2.0/workspace-conf").willReturn(okJson("{" + secrets() + "}")));
    }

    static Stream<Arguments> commands() {
        String update = "{\"token\": {\"comment\": \"new\"}, \"update_mask\": \"comment\"}";
        String acl = "{\"access_control_list\": [{\"user_name\": \"jane@example.com\", \"permission_level\": \"CAN_USE\"}]}";
        return Stream.of(
                Arguments.of(List.of("tokens", "create", "--comment", "ci")),
                Arguments.of(List.of("tokens", "delete", TOKEN_ID)),
                Arguments.of(List.of("tokens", "list")),
                Arguments.of(List.of("tokens", "update", TOKEN_ID, "--json", update)),
                Arguments.of(List.of("token-management", "create-obo-token", "app-1", "--comment", "ci")),
                Arguments.of(List.of("token-management", "delete", TOKEN_ID)),
                Arguments.of(List.of("token-management", "get", TOKEN_ID)),
                Arguments.of(List.of("token-management", "list", "--created-by-username", "jane@example.com")),
                Arguments.of(List.of("token-management", "update-token-management", TOKEN_ID, "--json", update)),
                Arguments.of(List.of("token-management", "get-permission-levels")),
                Arguments.of(List.of("token-management", "get-permissions")),
                Arguments.of(List.of("token-management", "set-permissions", "--json", acl)),
                Arguments.of(List.of("token-management", "update-permissions", "--json", acl)),
                Arguments.of(List.of("workspace-conf", "get-status", "maxTokenLifetimeDays")),
                Arguments.of(List.of("workspace-conf", "set-status", "--json", "{\"maxTokenLifetimeDays\": \"90\"}")));
    }

    private Dbtok dbtok() {
        return Dbtok.inHome(home).env("DATABRICKS_DEBUG_HEADERS", "true");
    }

    private static String[] args(List<String> command, String... more) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void assertNoSecret(String where, String text, CliRun run) {
        for (String secret : known) {
            assertFalse(text.contains(secret), () -> where + " leaks " + secret + "\n" + text + "\n" + run.dump());
        }
        assertFalse(text.contains("SECRET"), () -> where + " leaks a secret\n" + text);
    }

    /** The run did its request, and its dump (with the redacted Authorization header) was logged. */
    private static void assertDumped(String log, CliRun run) {
        assertTrue(log.contains("> * Authorization: REDACTED\n"), () -> "no request dump\n" + log + run.dump());
        assertTrue(log.contains("< HTTP/1.1 200 OK"), () -> "no response dump\n" + log + run.dump());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void should_keep_every_secret_out_of_stderr(List<String> command) {
        CliRun run = dbtok().run(args(command, "--debug"));

        assertThat(run).succeeded().noStackTrace();
        assertDumped(run.err(), run);
        assertNoSecret("stderr", run.err(), run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void should_keep_every_secret_out_of_the_log_file(List<String> command, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("dbtok.log");

        CliRun run = dbtok().run(args(command, "--debug", "--log-file", file.toString()));

        assertThat(run).succeeded().errIsEmpty();
        String log = Files.readString(file);
        assertDumped(log, run);
        assertNoSecret("the log file", log, run);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void should_keep_every_secret_out_of_json_logs_with_basic_auth(List<String> command) {
        CliRun run = dbtok().run(args(command, "-p", "basic", "--log-level", "trace", "--log-format", "json"));

        assertThat(run).succeeded();
        assertTrue(run.err().contains("> * Authorization: REDACTED\\n"), run::dump);
        assertNoSecret("stderr", run.err(), run);
    }

    @Test
    void should_print_the_created_token_value_on_stdout_only() {
        CliRun create = dbtok().run("tokens", "create", "--debug", "-o", "json");
        CliRun obo = dbtok().run("token-management", "create-obo-token", "app-1", "--debug");

        assertThat(create).succeeded().outContains("\"token_value\": \"" + CREATED_VALUE + "\"")
                .errContains("\"token_value\": \"**REDACTED**\"").errDoesNotContain(CREATED_VALUE);
        assertThat(obo).succeeded().outContains("\"token_value\": \"" + OBO_VALUE + "\"").errDoesNotContain(OBO_VALUE);
    }

    @Test
    void should_mask_the_configured_token_when_a_server_echoes_it_in_an_error() {
        stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"token " + Workspace.PAT + " is expired\", \"token_value\": \"x\"}")));

        CliRun run = dbtok().run("tokens", "list", "--debug");

        assertThat(run).failedWith(1).errContains("Error: token **REDACTED** is expired\n\nProfile:   DEFAULT\n")
                .errContains("  - Regenerate your access token and update the token in profile DEFAULT\n")
                .errContains("failed execution pid=");
        assertNoSecret("stderr", run.err(), run);
    }

    @Test
    void should_mask_secrets_in_configuration_errors() {
        CliRun run = dbtok().env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", Workspace.PAT)
                .env("DATABRICKS_USERNAME", "jane@example.com").env("DATABRICKS_PASSWORD", PASSWORD)
                .run("tokens", "list", "--debug");

        assertThat(run).failedWith(1).errContains("token=***").errContains("password=***").errContains("failed execution");
        assertNoSecret("stderr", run.err(), run);
    }

    @Test
    void should_mask_the_password_in_a_text_error_body() {
        stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(502)
                .withBody("<html><pre>bad gateway for " + PASSWORD + "</pre></html>")));

        CliRun run = dbtok().run("tokens", "list", "-p", "basic", "--debug");

        assertThat(run).failedWith(1).errContains("Error: bad gateway for **REDACTED**\n");
        assertNoSecret("stderr", run.err(), run);
    }

    @Test
    void should_mask_the_configured_token_in_auth_describe_output() {
        stubFor(get("/api/2.0/preview/scim/v2/Me").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\": \"token " + Workspace.PAT + " is expired\"}")));

        CliRun text = dbtok().run("auth", "describe");
        CliRun json = dbtok().run("auth", "describe", "-o", "json");

        assertThat(text).succeeded().outContains("Unable to authenticate: token **REDACTED** is expired\n");
        assertNoSecret("stdout", text.out(), text);
        assertThat(json).succeeded().outContains("\"error\": \"token **REDACTED** is expired\"");
        assertNoSecret("stdout", json.out(), json);
    }

    @Test
    void should_mask_every_profiles_secrets_while_auth_profiles_checks_them() {
        String echo = "{\"message\": \"no entry for " + Workspace.PAT + " or " + PASSWORD + "\"}";
        stubFor(get("/api/2.0/preview/scim/v2/Me").willReturn(aResponse().withStatus(401).withBody(echo)));

        CliRun run = dbtok().run("auth", "profiles", "--debug");

        assertThat(run).succeeded();
        assertTrue(run.err().contains("< HTTP/1.1 401 Unauthorized"), run::dump);
        assertNoSecret("stderr", run.err(), run);
    }

    @Test
    void should_mask_an_oauth_access_token_a_server_echoes() {
        String accessToken = "sp-access-token-SECRET";
        known.add(accessToken);
        stubFor(get("/oidc/.well-known/oauth-authorization-server")
                .willReturn(okJson("{\"token_endpoint\": \"" + host + "/oidc/v1/token\"}")));
        stubFor(post("/oidc/v1/token").willReturn(okJson("{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3600}")));
        stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(400)
                .withBody("{\"error_code\": \"BAD_REQUEST\", \"message\": \"cannot use Bearer " + accessToken + "\"}")));

        CliRun run = Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_CLIENT_ID", "sp")
                .env("DATABRICKS_CLIENT_SECRET", "client-SECRET").run("tokens", "list", "--debug");

        // Not assertNoSecret: the variable DATABRICKS_CLIENT_SECRET is named in the debug log.
        assertThat(run).failedWith(1).errContains("Error: cannot use Bearer **REDACTED**\n")
                .errDoesNotContain(accessToken).errDoesNotContain("client-SECRET");
    }
}
