package dev.dbtok.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** config.md §9: discovery, the client-credentials request, caching, refresh, retries and error texts. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OAuthM2MTest {
    static final String DISCOVERY = "/oidc/.well-known/oauth-authorization-server";
    static final String TOKEN = "/oidc/v1/token";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (TestConfigs.CLIENT_ID + ":" + TestConfigs.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final List<Duration> sleeps = new ArrayList<>();
    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        stubFor(get(DISCOVERY).willReturn(okJson("{\"issuer\": \"" + host + "/oidc\", \"token_endpoint\": \"" + host + TOKEN + "\"}")));
    }

    OAuthM2M source(String scopes) {
        return new OAuthM2M(host, TestConfigs.CLIENT_ID, TestConfigs.CLIENT_SECRET, scopes, Duration.ofSeconds(5), clock,
                sleeps::add);
    }

    static String token(String value, int expiresIn) {
        return "{\"access_token\": \"" + value + "\", \"token_type\": \"Bearer\", \"expires_in\": " + expiresIn
                + ", \"scope\": \"all-apis\"}";
    }

    String failure(OAuthM2M source) {
        return assertThrows(OAuthException.class, source::get).getMessage();
    }

    @Nested
    class Token_request {

        @Test
        void should_discover_the_endpoint_and_post_the_client_credentials_grant() {
            stubFor(post(TOKEN).willReturn(okJson(token("at-1", 3600))));

            assertEquals("at-1", source("all-apis").get());

            verify(exactly(1), getRequestedFor(urlEqualTo(DISCOVERY)).withHeader("Accept", equalTo("application/json")));
            verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN))
                    .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                    .withHeader("Authorization", equalTo(BASIC))
                    .withRequestBody(equalTo("grant_type=client_credentials&scope=all-apis")));
        }

        @Test
        void should_use_sockets_without_nagles_delay_for_http_and_https() throws Exception {
            OAuthM2M source = source("all-apis");
            for (String url : List.of(host, "https://example.com")) {
                try (Socket socket = source.client(HttpUrl.get(url)).socketFactory().createSocket()) {
                    assertTrue(socket.getTcpNoDelay(), url);
                }
            }
        }

        @Test
        void should_send_several_scopes_separated_by_spaces() {
            stubFor(post(TOKEN).willReturn(okJson(token("at-1", 3600))));

            source("all-apis,sql").get();

            verify(postRequestedFor(urlEqualTo(TOKEN)).withRequestBody(equalTo("grant_type=client_credentials&scope=all-apis+sql")));
        }

        @Test
        void should_escape_the_client_credentials_before_encoding_them() {
            stubFor(post(TOKEN).willReturn(okJson(token("at-1", 3600))));

            new OAuthM2M(host, "id with space", "s:e*c~", null, Duration.ofSeconds(5), clock, sleeps::add).get();

            String expected = "Basic " + Base64.getEncoder().encodeToString("id+with+space:s%3Ae%2Ac~".getBytes(StandardCharsets.UTF_8));
            verify(postRequestedFor(urlEqualTo(TOKEN)).withHeader("Authorization", equalTo(expected)));
        }
    }

    @Nested
    class Caching {

        @Test
        void should_fetch_one_token_for_two_api_calls() {
            stubFor(post(TOKEN).willReturn(okJson(token("at-1", 3600))));
            stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));
            DatabricksClient client = DatabricksClient.create(TestConfigs.oauth(host).build());

            client.listTokens();
            client.listTokens();

            verify(exactly(1), getRequestedFor(urlEqualTo(DISCOVERY)));
            verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
            verify(exactly(2), getRequestedFor(urlEqualTo("/api/2.0/token/list"))
                    .withHeader("Authorization", equalTo("Bearer at-1")));
        }

        @Test
        void should_fetch_a_new_token_shortly_before_the_old_one_expires() {
            stubFor(post(TOKEN).inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(okJson(token("at-1", 60))).willSetStateTo("second"));
            stubFor(post(TOKEN).inScenario("refresh").whenScenarioStateIs("second").willReturn(okJson(token("at-2", 60))));
            OAuthM2M source = source(null);

            assertEquals("at-1", source.get());
            clock.now = clock.now.plusSeconds(49);
            assertEquals("at-1", source.get());
            clock.now = clock.now.plusSeconds(2);
            assertEquals("at-2", source.get());

            verify(exactly(1), getRequestedFor(urlEqualTo(DISCOVERY)));
            verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
        }

        @Test
        void should_keep_a_token_without_expiry_for_the_whole_run() {
            stubFor(post(TOKEN).willReturn(okJson("{\"access_token\": \"forever\", \"token_type\": \"Bearer\"}")));
            OAuthM2M source = source(null);

            source.get();
            clock.now = clock.now.plus(Duration.ofDays(1));
            source.get();

            verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        }
    }

    @Nested
    class Retries {

        @Test
        void should_retry_the_token_request_after_a_503() {
            stubFor(post(TOKEN).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
            stubFor(post(TOKEN).inScenario("busy").whenScenarioStateIs("ok").willReturn(okJson(token("at-1", 3600))));

            assertEquals("at-1", source(null).get());

            verify(exactly(2), postRequestedFor(urlEqualTo(TOKEN)));
            assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
        }

        @Test
        void should_honour_retry_after() {
            stubFor(post(TOKEN).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
            stubFor(post(TOKEN).inScenario("slow").whenScenarioStateIs("ok").willReturn(okJson(token("at-1", 3600))));

            source(null).get();

            assertEquals(List.of(Duration.ofSeconds(3)), sleeps);
        }

        @Test
        void should_give_up_after_three_attempts() {
            stubFor(post(TOKEN).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));

            assertEquals("oauth-m2m auth: oauth2: cannot fetch token: 502 Bad Gateway. Response: <html>bad gateway</html>",
                    failure(source(null)));
            verify(exactly(3), postRequestedFor(urlEqualTo(TOKEN)));
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeps);
        }
    }

    @Nested
    class Errors {

        @Test
        void should_say_oauth_is_not_supported_when_discovery_is_missing() {
            stubFor(get(DISCOVERY).willReturn(aResponse().withStatus(404)));

            assertEquals("oauth-m2m auth: oidc: databricks OAuth is not supported for this host", failure(source(null)));
        }

        @Test
        void should_pass_on_the_discovery_error() {
            stubFor(get(DISCOVERY).willReturn(aResponse().withStatus(403)
                    .withBody("{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"IP blocked\"}")));

            assertEquals("oauth-m2m auth: oidc: failed to get OAuth endpoints: IP blocked", failure(source(null)));
        }

        @Test
        void should_word_a_refused_client_as_the_official_cli() {
            stubFor(post(TOKEN).willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\": \"invalid_client\", \"error_description\": \"Client authentication failed\"}")));

            assertEquals("oauth-m2m auth: oauth2: \"invalid_client\" \"Client authentication failed\"", failure(source(null)));
            verify(exactly(1), postRequestedFor(urlEqualTo(TOKEN)));
        }

        @Test
        void should_notice_a_missing_access_token() {
            stubFor(post(TOKEN).willReturn(okJson("{\"token_type\": \"Bearer\"}")));

            assertEquals("oauth-m2m auth: oauth2: server response missing access_token", failure(source(null)));
        }

        @Test
        void should_report_an_unreachable_host() {
            OAuthM2M source = new OAuthM2M("http://127.0.0.1:1", "id", "secret", null, Duration.ofSeconds(5), clock, sleeps::add);

            assertEquals("oauth-m2m auth: oidc: failed to get OAuth endpoints: Get"
                    + " \"http://127.0.0.1:1/oidc/.well-known/oauth-authorization-server\": connect: connection refused",
                    failure(source));
        }

        @Test
        void should_never_show_the_client_secret() {
            stubFor(post(TOKEN).willReturn(aResponse().withStatus(400).withBody("{\"error\": \"invalid_request\","
                    + " \"error_description\": \"bad secret " + TestConfigs.CLIENT_SECRET + "\"}")));
            OAuthM2M source = source(null);

            String message = failure(source);

            assertFalse(message.contains(TestConfigs.CLIENT_SECRET), message);
            assertEquals("oauth-m2m auth: oauth2: \"invalid_request\" \"bad secret ***\"", message);
            assertFalse(source.toString().contains(TestConfigs.CLIENT_SECRET));
        }

        @Test
        void should_fail_the_api_call_with_the_oauth_error() {
            stubFor(get(DISCOVERY).willReturn(aResponse().withStatus(404)));
            DatabricksClient client = DatabricksClient.create(TestConfigs.oauth(host).build());

            OAuthException e = assertThrows(OAuthException.class, client::listTokens);

            assertEquals("oauth-m2m auth: oidc: databricks OAuth is not supported for this host", e.getMessage());
        }
    }
}
