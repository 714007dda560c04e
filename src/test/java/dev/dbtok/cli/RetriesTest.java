package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.FakeTime;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries, waits and the never-twice rule as users see them: stderr lines, exit codes, requests made. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetriesTest {
    private static final String TOKEN_LIST = """
            {"token_infos": [{"token_id": "t1", "expiry_time": -1, "comment": "ci"}]}""";
    private static final String TOKEN_TABLE = """
            ID  Expiry time  Comment
            t1  -1           ci
            """;

    @TempDir
    Path home;

    String host;
    Dbtok dbtok;
    final FakeTime time = FakeTime.onTopOfRealTime();

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        dbtok = Workspace.defaultProfile(home, wm).time(time);
    }

    /** {@code first} on the first request, {@code then} on every later one. */
    private static void firstThen(MappingBuilder first, MappingBuilder then) {
        stubFor(first.inScenario("retry").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second"));
        stubFor(then.inScenario("retry").whenScenarioStateIs("second"));
    }

    private static void assertErrMatches(CliRun run, String regex) {
        assertTrue(run.err().matches(regex), () -> "stderr does not match " + regex + "\n" + run.dump());
    }

    @Nested
    class Nothing_done_twice {
        @Test
        void should_send_tokens_create_exactly_once_after_a_connection_reset() {
            stubFor(post("/api/2.0/token/create").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            CliRun run = dbtok.run("tokens", "create", "--comment", "ci");

            assertThat(run).failedWith(1).outIsEmpty().noStackTrace().errEquals("Error: Post \"" + host
                    + "/api/2.0/token/create\": read: connection reset by peer. The request may have reached the"
                    + " workspace, so dbtok did not send it again; run 'dbtok tokens list' to check whether the token"
                    + " was created before retrying.\n");
            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token/create")));
        }

        @Test
        void should_name_the_profile_in_the_command_to_check_with() {
            Workspace.writeConfig(home, "[staging]\nhost = " + host + "\ntoken = " + Workspace.PAT + "\n");
            stubFor(post("/api/2.0/token/create").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

            CliRun run = dbtok.run("tokens", "create", "-p", "staging");

            assertThat(run).failedWith(1).errEquals("Error: Post \"" + host + "/api/2.0/token/create\": EOF. The request"
                    + " may have reached the workspace, so dbtok did not send it again; run 'dbtok tokens list -p"
                    + " staging' to check whether the token was created before retrying.\n");
            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token/create")));
        }

        @Test
        void should_send_create_obo_token_once_after_an_empty_response() {
            stubFor(post("/api/2.0/token-management/on-behalf-of/tokens")
                    .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

            CliRun run = dbtok.run("token-management", "create-obo-token", "app-1");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: Post \"" + host
                    + "/api/2.0/token-management/on-behalf-of/tokens\": EOF. The request may have reached the workspace,"
                    + " so dbtok did not send it again; run 'dbtok token-management list' to check whether the token"
                    + " was created before retrying.\n");
            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token-management/on-behalf-of/tokens")));
        }

        @Test
        void should_send_tokens_delete_once_after_a_connection_reset() {
            stubFor(post("/api/2.0/token/delete").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            CliRun run = dbtok.run("tokens", "delete", Workspace.TOKEN_ID);

            assertThat(run).failedWith(1).errEquals("Error: Post \"" + host + "/api/2.0/token/delete\": read: connection"
                    + " reset by peer. The request may have reached the workspace, so dbtok did not send it again; run"
                    + " 'dbtok tokens list' to check whether the token is still there before retrying.\n");
            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token/delete")));
        }

        @Test
        void should_retry_tokens_create_on_a_refused_port_since_nothing_was_sent() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Workspace.writeConfig(home, "[DEFAULT]\nhost = http://127.0.0.1:" + port + "\ntoken = " + Workspace.PAT + "\n");

            CliRun run = dbtok.run("tokens", "create");

            assertErrMatches(run, """
                    Warn: retrying POST /api/2.0/token/create in 1\\.\\ds \\(attempt 2 of at most 3\\): connect: connection refused
                    Warn: retrying POST /api/2.0/token/create in 2\\.\\ds \\(attempt 3 of at most 3\\): connect: connection refused
                    Error: Post "http://127\\.0\\.0\\.1:%d/api/2\\.0/token/create": connect: connection refused \\(gave up after 3 attempts over \\d\\.\\ds\\)
                    """.formatted(port));
            assertThat(run).failedWith(1).outIsEmpty().noStackTrace();
            assertEquals(2, time.sleeps().size());
        }
    }

    @Nested
    class Transient_failures {
        @Test
        void should_succeed_on_the_second_attempt_about_a_second_after_retry_after_1() {
            firstThen(get("/api/2.0/token/list").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            CliRun run = dbtok.realTime().run("tokens", "list");

            assertThat(run).succeeded().outEquals(TOKEN_TABLE);
            assertErrMatches(run, "Warn: retrying GET /api/2.0/token/list in 1\\.0s \\(attempt 2, 29\\ds left of the 300s"
                    + " retry budget\\): 429 Too Many Requests\n");
            List<ServeEvent> requests = getAllServeEvents().stream()
                    .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
            assertEquals(2, requests.size());
            long gap = requests.get(1).getRequest().getLoggedDate().getTime()
                    - requests.get(0).getRequest().getLoggedDate().getTime();
            assertTrue(gap >= 1000 && gap < 1500, "second attempt came " + gap + " ms after the first");
            assertTrue(time.sleeps().isEmpty(), "the real sleeper must have waited, not the fake one");
        }

        @Test
        void should_stop_an_endless_503_when_the_budget_runs_out() {
            Workspace.writeConfig(home, "[DEFAULT]\nhost = " + host + "\ntoken = " + Workspace.PAT
                    + "\nretry_timeout_seconds = 5\n");
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

            CliRun run = dbtok.run("tokens", "list");

            // Waits of 1.x and 2.x seconds fit in 5 s; the next one (3.x s) would not.
            assertErrMatches(run, """
                    Warn: retrying GET /api/2.0/token/list in 1\\.\\ds \\(attempt 2, [23]s left of the 5s retry budget\\): 503 Service Unavailable
                    Warn: retrying GET /api/2.0/token/list in 2\\.\\ds \\(attempt 3, [01]s left of the 5s retry budget\\): 503 Service Unavailable
                    Error: Service Unavailable \\(gave up after 3 attempts over [34]\\.\\ds\\)
                    """);
            assertThat(run).failedWith(1).outIsEmpty();
            verify(3, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
        }

        @Test
        void should_retry_the_official_transient_messages() {
            firstThen(get("/api/2.0/token/list").willReturn(aResponse().withStatus(400).withBody(
                            "{\"error_code\": \"INVALID_STATE\", \"message\": \"ClusterNotReadyException: starting\"}")),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).succeeded().outEquals(TOKEN_TABLE)
                    .errContains("): 400 Bad Request: ClusterNotReadyException: starting\n");
            verify(2, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
        }

        @Test
        void should_send_a_get_again_after_a_connection_reset() {
            firstThen(get("/api/2.0/token/list").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).succeeded().outEquals(TOKEN_TABLE);
            assertErrMatches(run, "Warn: retrying GET /api/2.0/token/list in 1\\.\\ds \\(attempt 2, 29\\ds left of the"
                    + " 300s retry budget\\): read: connection reset by peer\n");
        }

        @Test
        void should_explain_a_404_after_a_delete_was_sent_again() {
            String path = "/api/2.0/token-management/tokens/" + Workspace.TOKEN_ID;
            firstThen(delete(path).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                    delete(path).willReturn(aResponse().withStatus(404).withBody(
                            "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Token does not exist.\"}")));

            CliRun run = dbtok.run("token-management", "delete", Workspace.TOKEN_ID);

            assertThat(run).failedWith(1).errContains("\nError: Token does not exist. (dbtok sent the DELETE again after"
                    + " \"read: connection reset by peer\"; the earlier attempt may already have deleted it)\n");
            verify(2, deleteRequestedFor(urlEqualTo(path)));
        }
    }

    @Nested
    class Failures_reported_at_once {
        @ParameterizedTest
        @ValueSource(ints = {500, 502, 504, 400, 404, 409})
        void should_not_retry(int status) {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withBody("{\"message\": \"nope\"}")));

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: nope\n");
            verify(1, anyRequestedFor(anyUrl()));
        }

        @Test
        void should_report_an_unknown_host_without_waiting() {
            Workspace.writeConfig(home, "[DEFAULT]\nhost = https://dbtok-test.invalid\ntoken = " + Workspace.PAT + "\n");

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).failedWith(1).errEquals("Error: Get \"https://dbtok-test.invalid/api/2.0/token/list\": "
                    + "lookup dbtok-test.invalid: no such host\n");
            assertEquals(Duration.ZERO, time.slept());
        }
    }

    @Nested
    class Opting_out {
        @Test
        void should_make_one_attempt_with_databricks_disable_retries() {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

            CliRun run = dbtok.env("DATABRICKS_DISABLE_RETRIES", "true").run("tokens", "list");

            assertThat(run).failedWith(1).errEquals("Error: Service Unavailable\n");
            verify(1, anyRequestedFor(anyUrl()));
        }

        @Test
        void should_make_one_attempt_with_disable_retries_in_the_profile() {
            Workspace.writeConfig(home, "[DEFAULT]\nhost = " + host + "\ntoken = " + Workspace.PAT
                    + "\ndisable_retries = true\n");
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));

            CliRun run = dbtok.run("tokens", "list");

            assertThat(run).failedWith(1).errEquals("Error: Too Many Requests\n");
            verify(1, anyRequestedFor(anyUrl()));
        }
    }

    @Nested
    class Warnings {
        @Test
        void should_be_silent_with_log_level_error_but_still_retry() {
            firstThen(get("/api/2.0/token/list").willReturn(aResponse().withStatus(503)),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            CliRun run = dbtok.run("tokens", "list", "--log-level", "error");

            assertThat(run).succeeded().errIsEmpty().outEquals(TOKEN_TABLE);
            verify(2, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
        }

        @Test
        void should_go_to_stderr_and_never_show_the_token() {
            firstThen(post("/api/2.0/token/create").willReturn(aResponse().withStatus(429)),
                    post("/api/2.0/token/create").willReturn(okJson("{\"token_value\": \"dapi-new\"}")));

            CliRun run = dbtok.run("tokens", "create", "-o", "json");

            assertThat(run).succeeded().outEquals("{\n  \"token_value\": \"dapi-new\"\n}\n")
                    .errContains("Warn: retrying POST /api/2.0/token/create in ")
                    .errDoesNotContain(Workspace.PAT).errDoesNotContain("dapi-new").errDoesNotContain("Bearer");
        }
    }
}
