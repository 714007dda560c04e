package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.support.FakeTime;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry rules of http.md §6 on scripted failures, with a fake clock: nothing here really sleeps. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RetrierTest {
    private static final RequestFactory REQUESTS = RequestFactory.of(TestConfigs.pat("http://127.0.0.1:9").build(), "pat");
    private static final Request LIST = REQUESTS.listTokens();
    private static final Request CREATE = REQUESTS.createToken(new CreateTokenRequest(null, null, null, null));
    private static final Request REVOKE = REQUESTS.revokeToken(new RevokeTokenRequest("t1"));
    private static final Request CREATE_OBO = REQUESTS.createOboToken(new CreateOboTokenRequest("app", null, null, null, null));
    private static final Map<String, Request> SAFE_REQUESTS = Map.of(
            "GET", LIST,
            "PUT", REQUESTS.setPermissions(new TokenPermissionsRequest(null)),
            "PATCH", REQUESTS.updatePermissions(new TokenPermissionsRequest(null)),
            "DELETE", REQUESTS.deleteTokenManagement("t1"));

    private final FakeTime time = FakeTime.frozen();
    private final List<RetryNotice> notices = new ArrayList<>();
    private int attempts;

    private Retrier retrier(RetryPolicy policy) {
        return new Retrier(policy, time, time, notices::add, RandomGenerator.getDefault());
    }

    private static RetryPolicy budget(int seconds) {
        return new RetryPolicy(true, Duration.ofSeconds(seconds), RetryPolicy.MAX_UNSENT_ATTEMPTS);
    }

    private static Object throwIt(DatabricksException failure) {
        throw failure;
    }

    /** A scripted run that fails {@code times} times with {@code failure}, then succeeds. */
    private Object failThenSucceed(RetryPolicy policy, Request request, int times, Function<Request, DatabricksException> failure) {
        int[] left = {times};
        int[] made = {0};
        return retrier(policy).run(request, number -> {
            attempts++;
            assertEquals(++made[0], number, "the attempt's number");
            return left[0]-- > 0 ? throwIt(failure.apply(request)) : "ok";
        });
    }

    private DatabricksException alwaysFail(RetryPolicy policy, Request request, Function<Request, DatabricksException> failure) {
        return assertThrows(DatabricksException.class, () -> failThenSucceed(policy, request, Integer.MAX_VALUE, failure));
    }

    static Function<Request, DatabricksException> api(int status, String body, String retryAfter) {
        return request -> {
            Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1)
                    .code(status).message("")
                    .body(ResponseBody.create(body, MediaType.get("application/json")));
            if (retryAfter != null) {
                response.header("Retry-After", retryAfter);
            }
            return ApiException.from(response.build());
        };
    }

    static Function<Request, DatabricksException> api(int status, String body) {
        return api(status, body, null);
    }

    static Function<Request, DatabricksException> transport(IOException e, boolean requestStarted) {
        return request -> TransportException.of(request, e, requestStarted);
    }

    private List<Duration> sleeps() {
        return time.sleeps();
    }

    private static void assertBetween(Duration low, Duration high, Duration actual) {
        assertTrue(actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0, actual + " not in [" + low + ", " + high + "]");
    }

    @Nested
    class When_the_workspace_answers {
        @Test
        void should_retry_a_429_for_any_method_and_wait_what_retry_after_asks() {
            assertEquals("ok", failThenSucceed(budget(300), CREATE, 1, api(429, "", "3")));

            assertEquals(2, attempts);
            assertEquals(List.of(Duration.ofSeconds(3)), sleeps());
        }

        @Test
        void should_honour_a_retry_after_date() {
            String inSevenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    time.instant().plusSeconds(7).atZone(java.time.ZoneOffset.UTC));
            failThenSucceed(budget(300), LIST, 1, api(503, "", inSevenSeconds));

            assertEquals(List.of(Duration.ofSeconds(7)), sleeps());
        }

        @Test
        void should_back_off_one_more_second_per_attempt_with_jitter_without_retry_after() {
            failThenSucceed(budget(300), LIST, 3, api(503, ""));

            assertEquals(4, attempts);
            for (int n = 1; n <= 3; n++) {
                assertBetween(Duration.ofMillis(n * 1000L + 50), Duration.ofMillis(n * 1000L + 750), sleeps().get(n - 1));
            }
        }

        @Test
        void should_cap_the_back_off_at_ten_seconds() {
            assertEquals(Duration.ofSeconds(1), Retrier.backoff(1));
            assertEquals(Duration.ofSeconds(10), Retrier.backoff(10));
            assertEquals(Duration.ofSeconds(10), Retrier.backoff(25));
        }

        @Test
        void should_fall_back_to_the_back_off_for_an_unreadable_retry_after() {
            failThenSucceed(budget(300), LIST, 1, api(429, "", "soon"));

            assertBetween(Duration.ofMillis(1050), Duration.ofMillis(1750), sleeps().get(0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"RESOURCE_EXHAUSTED", "REQUEST_LIMIT_EXCEEDED"})
        void should_retry_the_rate_limit_codes_whatever_the_status(String code) {
            failThenSucceed(budget(300), CREATE, 1, api(400, "{\"error_code\": \"" + code + "\", \"message\": \"slow\"}"));

            assertEquals(2, attempts);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 504, 400, 401, 403, 404, 409, 501})
        void should_not_retry_other_statuses(int status) {
            DatabricksException e = alwaysFail(budget(300), LIST, api(status, "{\"message\": \"no\"}"));

            assertEquals(1, attempts);
            assertTrue(sleeps().isEmpty());
            assertTrue(notices.isEmpty());
            assertFalse(e.getMessage().contains("gave up"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "com.databricks.backend.manager.util.UnknownWorkerEnvironmentException: x",
            "Workspace 1 does not have any associated worker environments",
            "There is no worker environment with id 42",
            "Unknown worker environment",
            "ClusterNotReadyException: not yet",
            "worker env abc not found"})
        void should_retry_the_transient_messages_for_any_method(String message) {
            failThenSucceed(budget(300), CREATE, 1, api(400, "{\"message\": \"" + message + "\"}"));

            assertEquals(2, attempts);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Timed out after 30s", "context deadline exceeded"})
        void should_retry_timed_out_messages_only_for_requests_safe_to_repeat(String message) {
            failThenSucceed(budget(300), LIST, 1, api(500, "{\"message\": \"" + message + "\"}"));
            assertEquals(2, attempts);

            attempts = 0;
            alwaysFail(budget(300), CREATE, api(500, "{\"message\": \"" + message + "\"}"));
            assertEquals(1, attempts);
        }
    }

    @Nested
    class The_budget {
        @Test
        void should_stop_an_endless_503_when_the_next_wait_would_pass_it() {
            // Waits of 1, 2, 3 s (+ jitter) fit in 10 s, the fourth (4 s more) would not.
            DatabricksException e = alwaysFail(budget(10), LIST, api(503, ""));

            assertEquals(4, attempts);
            assertEquals(3, sleeps().size());
            assertTrue(time.slept().compareTo(Duration.ofSeconds(10)) <= 0);
            assertEquals("Service Unavailable (gave up after 4 attempts over %s)"
                    .formatted(RetryNotice.seconds(time.slept())), e.getMessage());
            assertTrue(e instanceof ApiException api && api.status() == 503);
        }

        @Test
        void should_count_the_time_attempts_take() {
            Retrier retrier = retrier(budget(10));
            DatabricksException e = assertThrows(ApiException.class, () -> retrier.run(LIST, n -> {
                attempts++;
                time.advance(Duration.ofSeconds(4));
                return throwIt(api(503, "").apply(LIST));
            }));

            // 4 s, a wait of 1.x s, 4 s: a wait of 2.x s more would end past 10 s.
            assertEquals(2, attempts);
            assertTrue(e.getMessage().startsWith("Service Unavailable (gave up after 2 attempts over 9."), e.getMessage());
        }

        @Test
        void should_give_up_at_once_when_retry_after_asks_for_more_than_is_left() {
            DatabricksException e = alwaysFail(budget(300), LIST, api(429, "{\"message\": \"slow down\"}", "3600"));

            assertEquals(1, attempts);
            assertTrue(sleeps().isEmpty());
            assertEquals("slow down (gave up after 1 attempt over 0.0s: waiting another 3600.0s as the workspace "
                    + "asked would pass the 300s retry budget)", e.getMessage());
        }

        @Test
        void should_come_from_retry_timeout_seconds() {
            assertEquals(Duration.ofSeconds(300), RetryPolicy.from(TestConfigs.pat("http://h").build()).budget());
            assertEquals(Duration.ofSeconds(7),
                    RetryPolicy.from(TestConfigs.pat("http://h").retryTimeoutSeconds(7).build()).budget());
            assertEquals(Duration.ofSeconds(300),
                    RetryPolicy.from(TestConfigs.pat("http://h").retryTimeoutSeconds(0).build()).budget());
        }

        @Test
        void should_be_unbounded_when_negative() {
            RetryPolicy unbounded = RetryPolicy.from(TestConfigs.pat("http://h").retryTimeoutSeconds(-1).build());

            assertEquals("ok", failThenSucceed(unbounded, LIST, 60, api(503, "")));
            assertEquals(61, attempts);
            assertTrue(time.slept().compareTo(Duration.ofMinutes(9)) > 0);
            assertEquals("retrying GET /api/2.0/token/list in " + RetryNotice.seconds(sleeps().get(59))
                    + " (attempt 61): 503 Service Unavailable", notices.get(59).message());
        }

        @Test
        void should_allow_a_single_attempt_when_retries_are_disabled() {
            RetryPolicy disabled = RetryPolicy.from(TestConfigs.pat("http://h").disableRetries().build());
            DatabricksException e = alwaysFail(disabled, LIST, api(503, ""));

            assertEquals(1, attempts);
            assertEquals("Service Unavailable", e.getMessage());
        }
    }

    @Nested
    class When_the_connection_never_carried_the_request {
        @ParameterizedTest
        @ValueSource(strings = {"GET", "POST"})
        void should_retry_a_refused_connection_three_times_at_most(String method) {
            Request request = method.equals("GET") ? LIST : CREATE;
            DatabricksException e = alwaysFail(budget(300), request, transport(new ConnectException("Connection refused"), false));

            assertEquals(3, attempts);
            assertEquals(2, sleeps().size());
            assertTrue(e.getMessage().endsWith(": connect: connection refused (gave up after 3 attempts over "
                    + RetryNotice.seconds(time.slept()) + ")"), e.getMessage());
            assertEquals(List.of(3, 3), notices.stream().map(RetryNotice::maxAttempts).toList());
            assertTrue(notices.get(0).message().startsWith("retrying " + method + " " + request.url().encodedPath() + " in 1."));
            assertTrue(notices.get(0).message().endsWith(" (attempt 2 of at most 3): connect: connection refused"),
                    notices.get(0).message());
        }

        @Test
        void should_stay_within_seconds() {
            alwaysFail(budget(300), LIST, transport(new NoRouteToHostException("No route to host"), false));

            assertTrue(time.slept().compareTo(Duration.ofMillis(4500)) <= 0, time.slept().toString());
        }

        @Test
        void should_retry_a_post_after_a_tls_handshake_timeout() {
            failThenSucceed(budget(300), CREATE, 1, transport(new SocketTimeoutException("Read timed out"), false));

            assertEquals(2, attempts);
        }

        @Test
        void should_report_an_unknown_host_at_once() {
            DatabricksException e = alwaysFail(budget(300), LIST, transport(new UnknownHostException("nowhere"), false));

            assertEquals(1, attempts);
            assertTrue(e.getMessage().endsWith("no such host"), e.getMessage());
        }

        @Test
        void should_report_a_certificate_problem_at_once() {
            alwaysFail(budget(300), LIST, transport(new SSLHandshakeException("PKIX path building failed"), false));

            assertEquals(1, attempts);
        }

        @Test
        void should_count_only_the_unsent_failures_against_the_cap() {
            Deque<Function<Request, DatabricksException>> script = new ArrayDeque<>(List.of(
                    transport(new ConnectException("Connection refused"), false), api(503, ""),
                    transport(new ConnectException("Connection refused"), false), api(503, "")));
            Object result = retrier(budget(300)).run(LIST, n -> {
                attempts++;
                return script.isEmpty() ? "ok" : throwIt(script.poll().apply(LIST));
            });

            assertEquals("ok", result);
            assertEquals(5, attempts);
        }
    }

    @Nested
    class When_the_request_may_have_arrived {
        @ParameterizedTest
        @ValueSource(strings = {"create", "delete", "create-obo"})
        void should_never_send_a_token_post_again(String which) {
            Request post = switch (which) {
                case "create" -> CREATE;
                case "delete" -> REVOKE;
                default -> CREATE_OBO;
            };
            for (IOException e : List.of(new SocketException("Connection reset"), new EOFException("unexpected end of stream"),
                    new SocketTimeoutException("Read timed out"))) {
                attempts = 0;
                DatabricksException failure = alwaysFail(budget(300), post, transport(e, true));
                assertEquals(1, attempts, e.toString());
                assertFalse(failure.getMessage().contains("gave up"));
            }
            assertTrue(notices.isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
        void should_send_other_methods_again_after_a_reset_an_empty_response_or_a_read_timeout(String method) {
            Request request = SAFE_REQUESTS.get(method);
            for (IOException e : List.of(new SocketException("Connection reset"), new EOFException("unexpected end of stream"),
                    new SocketTimeoutException("Read timed out"))) {
                attempts = 0;
                assertEquals("ok", failThenSucceed(budget(300), request, 1, transport(e, true)), e.toString());
                assertEquals(2, attempts, e.toString());
            }
        }

        @Test
        void should_say_that_a_delete_sent_again_may_already_have_worked() {
            Request delete = SAFE_REQUESTS.get("DELETE");
            Deque<Function<Request, DatabricksException>> script = new ArrayDeque<>(List.of(
                    transport(new SocketException("Connection reset"), true),
                    api(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Token t1 does not exist.\"}")));
            ApiException e = assertThrows(ApiException.class, () -> retrier(budget(300)).run(delete,
                    n -> throwIt(script.poll().apply(delete))));

            assertEquals("Token t1 does not exist. (dbtok sent the DELETE again after \"read: connection reset by peer\";"
                    + " the earlier attempt may already have deleted it)", e.getMessage());
            assertEquals("RESOURCE_DOES_NOT_EXIST", e.errorCode());
        }

        @Test
        void should_not_add_that_note_to_a_first_attempt() {
            DatabricksException e = alwaysFail(budget(300), SAFE_REQUESTS.get("DELETE"), api(404, "{\"message\": \"gone\"}"));

            assertEquals("gone", e.getMessage());
        }
    }

    @Nested
    class Notices {
        @Test
        void should_describe_each_wait_with_the_budget_left() {
            failThenSucceed(budget(300), LIST, 1, api(429, "{\"error_code\": \"REQUEST_LIMIT_EXCEEDED\", \"message\": \"slow down\"}", "1"));

            assertEquals(List.of("retrying GET /api/2.0/token/list in 1.0s (attempt 2, 299s left of the 300s retry budget): "
                    + "429 Too Many Requests: slow down"), notices.stream().map(RetryNotice::message).toList());
        }

        @Test
        void should_keep_the_query_and_leave_out_the_host() {
            Request conf = REQUESTS.getWorkspaceConf("a,b");
            failThenSucceed(budget(300), conf, 1, api(503, "", "2"));

            assertEquals("retrying GET /api/2.0/workspace-conf?keys=a%2Cb in 2.0s (attempt 2, 298s left of the 300s "
                    + "retry budget): 503 Service Unavailable", notices.get(0).message());
        }

        @Test
        void should_shorten_a_long_or_multi_line_reason() {
            String longMessage = "x".repeat(500);
            failThenSucceed(budget(300), LIST, 1, api(503, "{\"message\": \"" + longMessage + "\"}", "1"));
            failThenSucceed(budget(300), LIST, 1, api(503, "{\"message\": \"first\\nsecond\"}", "1"));

            assertEquals("503 Service Unavailable: " + "x".repeat(200) + "...", notices.get(0).reason());
            assertEquals("503 Service Unavailable: first ...", notices.get(1).reason());
        }

        @Test
        void should_never_carry_a_credential() {
            failThenSucceed(budget(300), CREATE, 2, transport(new ConnectException("Connection refused"), false));

            for (RetryNotice notice : notices) {
                assertFalse(notice.message().contains(TestConfigs.TOKEN), notice.message());
                assertFalse(notice.message().contains("Bearer"), notice.message());
            }
        }

        @Test
        void should_stop_waiting_when_interrupted() {
            Retrier interrupted = new Retrier(budget(300), time, d -> {
                throw new InterruptedException();
            }, RetryListener.NONE, RandomGenerator.getDefault());
            DatabricksException failure = api(503, "").apply(LIST);
            try {
                DatabricksException e = assertThrows(DatabricksException.class, () -> interrupted.run(LIST, n -> throwIt(failure)));
                assertSame(failure, e);
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        }
    }
}
