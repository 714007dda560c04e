package dev.dbtok.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.support.FakeTime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The retry loop, the never-twice rule and the rate limit against a real HTTP server (http.md §6, §7). */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabricksClientRetryTest {
    private static final String TOKEN_LIST = "{\"token_infos\": [{\"token_id\": \"t1\"}]}";

    private String host;
    private final FakeTime time = FakeTime.onTopOfRealTime();
    private final List<RetryNotice> notices = new ArrayList<>();

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
    }

    private DatabricksClient client(TestConfigs config) {
        return config.time(time).client().onRetry(notices::add);
    }

    private DatabricksClient client() {
        return client(TestConfigs.pat(host));
    }

    /** {@code first} on the first request, {@code then} on every later one. */
    private static void firstThen(com.github.tomakehurst.wiremock.client.MappingBuilder first,
            com.github.tomakehurst.wiremock.client.MappingBuilder then) {
        stubFor(first.inScenario("retry").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second"));
        stubFor(then.inScenario("retry").whenScenarioStateIs("second"));
    }

    @Nested
    class Token_posts_that_may_have_arrived {
        @Test
        void should_send_create_once_after_a_connection_reset() {
            stubFor(post("/api/2.0/token/create").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            TransportException e = assertThrows(TransportException.class,
                    () -> client().createToken(new CreateTokenRequest(null, "ci", null, null)));

            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token/create")));
            assertEquals("Post \"" + host + "/api/2.0/token/create\": read: connection reset by peer. The request may have"
                    + " reached the workspace, so dbtok did not send it again; run 'dbtok tokens list -p dev' to check"
                    + " whether the token was created before retrying.", e.getMessage());
            assertTrue(notices.isEmpty());
        }

        @Test
        void should_send_delete_once_after_an_empty_response() {
            stubFor(post("/api/2.0/token/delete").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

            TransportException e = assertThrows(TransportException.class,
                    () -> client(TestConfigs.pat(host).profile(null)).revokeToken(new RevokeTokenRequest("t1")));

            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token/delete")));
            assertEquals("Post \"" + host + "/api/2.0/token/delete\": EOF. The request may have reached the workspace,"
                    + " so dbtok did not send it again; run 'dbtok tokens list' to check whether the token is still"
                    + " there before retrying.", e.getMessage());
        }

        @Test
        void should_send_create_obo_once_after_a_read_timeout() {
            stubFor(post("/api/2.0/token-management/on-behalf-of/tokens")
                    .willReturn(okJson("{}").withFixedDelay(1800)));
            DatabricksClient impatient = client(TestConfigs.pat(host).httpTimeoutSeconds(1));

            TransportException e = assertThrows(TransportException.class,
                    () -> impatient.createOboToken(new CreateOboTokenRequest("app-1", null, null, null, null)));

            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token-management/on-behalf-of/tokens")));
            assertEquals("Post \"" + host + "/api/2.0/token-management/on-behalf-of/tokens\": i/o timeout. The request"
                    + " may have reached the workspace, so dbtok did not send it again; run 'dbtok token-management"
                    + " list -p dev' to check whether the token was created before retrying.", e.getMessage());
        }

        @Test
        void should_still_retry_a_create_answered_with_503() {
            firstThen(post("/api/2.0/token/create").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")),
                    post("/api/2.0/token/create").willReturn(okJson("{\"token_value\": \"dapi-new\"}")));

            assertEquals("dapi-new", client().createToken(new CreateTokenRequest(null, null, null, null)).tokenValue());
            verify(2, postRequestedFor(urlEqualTo("/api/2.0/token/create")));
            assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps());
        }
    }

    @Nested
    class Retry_after_zero {
        @Test
        void should_leave_the_retry_to_dbtok_not_okhttp() {
            firstThen(post("/api/2.0/token/create").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")),
                    post("/api/2.0/token/create").willReturn(okJson("{}")));

            client().createToken(new CreateTokenRequest(null, null, null, null));

            verify(2, postRequestedFor(urlEqualTo("/api/2.0/token/create")));
            assertEquals(1, notices.size());
            assertEquals(Duration.ZERO, notices.get(0).delay());
        }

        @Test
        void should_make_a_single_attempt_when_retries_are_disabled() {
            stubFor(post("/api/2.0/token/create").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

            ApiException e = assertThrows(ApiException.class, () -> client(TestConfigs.pat(host).disableRetries())
                    .createToken(new CreateTokenRequest(null, null, null, null)));

            verify(1, postRequestedFor(urlEqualTo("/api/2.0/token/create")));
            assertEquals("Service Unavailable", e.getMessage());
        }
    }

    @Nested
    class Repeatable_requests {
        @Test
        void should_send_a_get_again_after_a_connection_reset() {
            firstThen(get("/api/2.0/token/list").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            assertEquals("t1", client().listTokens().tokenInfos().get(0).tokenId());
            verify(2, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
            assertEquals(1, notices.size());
            assertTrue(notices.get(0).message().startsWith("retrying GET /api/2.0/token/list in 1."), notices.get(0).message());
            assertTrue(notices.get(0).message().endsWith("s retry budget): read: connection reset by peer"),
                    notices.get(0).message());
        }

        @Test
        void should_send_a_get_again_after_a_read_timeout() {
            firstThen(get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST).withFixedDelay(1800)),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            DatabricksClient impatient = client(TestConfigs.pat(host).httpTimeoutSeconds(1));

            assertEquals("t1", impatient.listTokens().tokenInfos().get(0).tokenId());
            verify(2, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
            assertTrue(notices.get(0).message().endsWith("): i/o timeout"), notices.get(0).message());
        }

        @Test
        void should_send_a_token_management_delete_again_after_an_empty_response() {
            firstThen(any(urlPathEqualTo("/api/2.0/token-management/tokens/t1")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)),
                    any(urlPathEqualTo("/api/2.0/token-management/tokens/t1")).willReturn(aResponse().withStatus(200)));

            client().deleteTokenManagement("t1");

            verify(2, anyRequestedFor(urlEqualTo("/api/2.0/token-management/tokens/t1")));
        }

        @Test
        void should_stop_an_endless_503_at_the_budget() {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

            ApiException e = assertThrows(ApiException.class, () -> client(TestConfigs.pat(host).retryTimeoutSeconds(5)).listTokens());

            // Waits of 1.x and 2.x s fit in 5 s; 3.x s more would not.
            verify(3, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
            assertTrue(e.getMessage().matches("Service Unavailable \\(gave up after 3 attempts over [34]\\.\\ds\\)"),
                    e.getMessage());
            assertEquals(2, time.sleeps().size());
        }

        @Test
        void should_not_retry_a_500() {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

            assertThrows(ApiException.class, () -> client().listTokens());

            verify(1, getRequestedFor(urlEqualTo("/api/2.0/token/list")));
            assertTrue(time.sleeps().isEmpty());
        }
    }

    @Nested
    class Connections_that_never_carried_the_request {
        @Test
        void should_retry_a_create_after_a_tls_handshake_timeout() throws Exception {
            AtomicInteger connections = new AtomicInteger();
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                List<Socket> held = new ArrayList<>();
                Thread acceptor = new Thread(() -> {
                    try {
                        while (true) {
                            Socket socket = server.accept();
                            if (connections.incrementAndGet() == 1) {
                                held.add(socket); // says nothing: the TLS handshake times out
                            } else {
                                socket.close(); // hangs up: the handshake fails for good
                            }
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                });
                acceptor.start();
                String https = "https://127.0.0.1:" + server.getLocalPort();
                DatabricksClient client = client(TestConfigs.pat(https).httpTimeoutSeconds(1));

                TransportException e = assertThrows(TransportException.class,
                        () -> client.createToken(new CreateTokenRequest(null, null, null, null)));

                assertEquals(2, connections.get());
                assertEquals(TransportException.Kind.TLS_HANDSHAKE, e.kind());
                assertFalse(e.mayHaveBeenSent());
                assertFalse(e.getMessage().contains("may have reached"), e.getMessage());
                assertEquals(1, notices.size());
                assertTrue(notices.get(0).message().endsWith(" (attempt 2 of at most 3): i/o timeout"), notices.get(0).message());
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Nested
    class Connections_closed_while_waiting {
        /** Answers each connection once, then hangs up without saying so, as servers with short keep-alives do. */
        private void serveOncePerConnection(ServerSocket server, AtomicInteger connections) {
            try {
                while (true) {
                    try (Socket socket = server.accept()) {
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                                java.nio.charset.StandardCharsets.ISO_8859_1));
                        int length = 0;
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                        }
                        in.skip(length);
                        String response = connections.incrementAndGet() == 1
                                ? "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n"
                                : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 25\r\n\r\n"
                                        + "{\"token_value\": \"dapi-x\"}";
                        socket.getOutputStream().write(response.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                        socket.getOutputStream().flush();
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        @Test
        void should_send_a_retried_post_on_a_new_connection() throws Exception {
            AtomicInteger connections = new AtomicInteger();
            try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                new Thread(() -> serveOncePerConnection(server, connections)).start();
                DatabricksClient client = client(TestConfigs.pat("http://127.0.0.1:" + server.getLocalPort()));

                assertEquals("dapi-x", client.createToken(new CreateTokenRequest(null, null, null, null)).tokenValue());
                assertEquals(2, connections.get());
            }
        }
    }

    @Nested
    class Rate_limit {
        @Test
        void should_space_requests_beyond_rate_limit() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));
            DatabricksClient limited = client(TestConfigs.pat(host).rateLimit(2));

            for (int i = 0; i < 3; i++) {
                limited.listTokens();
            }

            assertEquals(1, time.sleeps().size(), time.sleeps().toString());
            Duration wait = time.sleeps().get(0);
            assertTrue(wait.compareTo(Duration.ofMillis(300)) > 0 && wait.compareTo(Duration.ofMillis(500)) <= 0, wait.toString());
        }

        @Test
        void should_allow_15_requests_a_second_by_default() {
            stubFor(get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));
            DatabricksClient client = client();

            for (int i = 0; i < 15; i++) {
                client.listTokens();
            }
            assertTrue(time.sleeps().isEmpty(), time.sleeps().toString());
        }

        @Test
        void should_count_retries_too() {
            firstThen(get("/api/2.0/token/list").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")),
                    get("/api/2.0/token/list").willReturn(okJson(TOKEN_LIST)));

            client(TestConfigs.pat(host).rateLimit(1)).listTokens();

            // Retry-After: 0, then the rate limit holds the second attempt for about a second.
            assertEquals(2, time.sleeps().size(), time.sleeps().toString());
            assertEquals(Duration.ZERO, time.sleeps().get(0));
            assertTrue(time.sleeps().get(1).compareTo(Duration.ofMillis(700)) > 0, time.sleeps().toString());
        }
    }

    @Nested
    class Streamed_listings {
        private static final String TOKENS_PATH = "/api/2.0/token-management/tokens";

        @Test
        void should_retry_until_the_headers_arrive() {
            firstThen(get(TOKENS_PATH).willReturn(aResponse().withStatus(503)),
                    get(TOKENS_PATH).willReturn(okJson(TOKEN_LIST)));

            try (Listing<dev.dbtok.http.model.TokenInfo> tokens = client().streamTokenManagement(null, null)) {
                assertEquals("t1", tokens.iterator().next().tokenId());
            }
            verify(2, getRequestedFor(urlEqualTo(TOKENS_PATH)));
        }

        @Test
        void should_never_send_the_request_again_once_the_body_is_being_read() {
            stubFor(get(TOKENS_PATH).willReturn(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

            try (Listing<dev.dbtok.http.model.TokenInfo> tokens = client().streamTokenManagement(null, null)) {
                DatabricksException e = assertThrows(DatabricksException.class, () -> tokens.forEach(token -> { }));
                assertTrue(e.getMessage().startsWith("Get \"" + host + TOKENS_PATH + "\": "), e.getMessage());
            }
            verify(1, getRequestedFor(urlEqualTo(TOKENS_PATH)));
            assertEquals(List.of(), notices);
        }
    }
}
