package dev.dbtok.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the OkHttp client is set up: lazily, with explicit timeouts, no hidden retries or redirects. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabricksClientSetupTest {

    @Nested
    class Laziness {
        @Test
        void should_not_build_okhttp_until_the_first_request(WireMockRuntimeInfo wm) {
            stubFor(any(anyUrl()).willReturn(okJson("{}")));
            DatabricksClient client = TestConfigs.pat(wm.getHttpBaseUrl()).client();
            assertFalse(client.httpClientBuilt());
            client.requests().listTokens();
            assertFalse(client.httpClientBuilt(), "building a request does not need OkHttp's client");
            client.listTokens();
            assertTrue(client.httpClientBuilt());
            assertSame(client.httpClient(), client.httpClient());
        }

        @Test
        void should_not_parse_the_host_until_the_first_request() {
            DatabricksClient client = TestConfigs.pat("not a url").client();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, client::listTokens);
            assertEquals("invalid host \"not a url\"", e.getMessage());
        }
    }

    @Nested
    class Settings {
        @Test
        void should_use_http_timeout_seconds_for_connect_read_and_write_and_no_call_timeout() {
            OkHttpClient http = TestConfigs.pat("https://x").httpTimeoutSeconds(42).client().httpClient();
            assertEquals(42_000, http.connectTimeoutMillis());
            assertEquals(42_000, http.readTimeoutMillis());
            assertEquals(42_000, http.writeTimeoutMillis());
            assertEquals(0, http.callTimeoutMillis());
        }

        @Test
        void should_default_to_60_seconds_not_okhttps_10() {
            OkHttpClient http = TestConfigs.pat("https://x").httpTimeoutSeconds(0).client().httpClient();
            assertEquals(60_000, http.readTimeoutMillis());
        }

        @Test
        void should_never_retry_or_follow_redirects_by_itself() {
            OkHttpClient http = TestConfigs.pat("https://x").client().httpClient();
            assertFalse(http.retryOnConnectionFailure());
            assertFalse(http.followRedirects());
            assertFalse(http.followSslRedirects());
        }

        @Test
        void should_skip_tls_for_a_plain_http_host() {
            assertEquals(List.of(ConnectionSpec.CLEARTEXT),
                    TestConfigs.pat("http://localhost:8080").client().httpClient().connectionSpecs());
        }

        @Test
        void should_keep_okhttps_tls_defaults_for_https() {
            List<ConnectionSpec> specs = TestConfigs.pat("https://x").client().httpClient().connectionSpecs();
            assertTrue(specs.stream().anyMatch(ConnectionSpec::isTls), specs.toString());
        }

        @Test
        void should_send_on_sockets_without_nagles_delay(WireMockRuntimeInfo wm) throws IOException {
            stubFor(any(anyUrl()).willReturn(okJson("{}")));
            List<Boolean> noDelay = new ArrayList<>();
            OkHttpClient http = TestConfigs.pat(wm.getHttpBaseUrl()).client().httpClient().newBuilder()
                    .addNetworkInterceptor(chain -> {
                        noDelay.add(chain.connection().socket().getTcpNoDelay());
                        return chain.proceed(chain.request());
                    }).build();
            try (Response response = http.newCall(new Request.Builder().url(wm.getHttpBaseUrl() + "/x").build()).execute()) {
                assertEquals(200, response.code());
            }
            assertEquals(List.of(true), noDelay);
        }

        @Test
        void should_make_https_sockets_without_nagles_delay() throws IOException {
            try (Socket socket = TestConfigs.pat("https://x").client().httpClient().socketFactory().createSocket()) {
                assertTrue(socket.getTcpNoDelay());
            }
        }

        @Test
        void should_not_show_credentials_in_to_string() {
            String text = TestConfigs.pat("https://x").client().toString();
            assertEquals("DatabricksClient[https://x, auth=pat]", text);
        }
    }

    @Nested
    class Credentials_scope {
        @Test
        void should_send_credentials_only_to_the_configured_origin(WireMockRuntimeInfo wm) throws IOException {
            stubFor(any(anyUrl()).willReturn(okJson("{}")));
            DatabricksClient client = TestConfigs.pat("http://localhost:" + wm.getHttpPort()).client();
            Request foreign = new Request.Builder().url("http://127.0.0.1:" + wm.getHttpPort() + "/foreign").build();
            try (Response response = client.httpClient().newCall(foreign).execute()) {
                assertEquals(200, response.code());
            }
            verify(1, getRequestedFor(urlEqualTo("/foreign")).withHeader("Authorization", absent()));
        }

        @Test
        void should_leave_an_existing_authorization_alone(WireMockRuntimeInfo wm) throws IOException {
            stubFor(any(anyUrl()).willReturn(okJson("{}")));
            DatabricksClient client = TestConfigs.pat(wm.getHttpBaseUrl()).client();
            Request own = new Request.Builder().url(wm.getHttpBaseUrl() + "/oidc/v1/token")
                    .header("Authorization", "Basic Y2xpZW50OnNlY3JldA==").build();
            try (Response response = client.httpClient().newCall(own).execute()) {
                assertEquals(200, response.code());
            }
            verify(1, getRequestedFor(urlEqualTo("/oidc/v1/token"))
                    .withHeader("Authorization", equalTo("Basic Y2xpZW50OnNlY3JldA==")));
        }
    }
}
