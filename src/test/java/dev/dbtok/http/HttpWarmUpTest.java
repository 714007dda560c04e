package dev.dbtok.http;

import dev.dbtok.support.SelfSignedTokenServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS set-up made in the background is OkHttp's own default one: the same trust decisions against a real https
 * server with a self-signed certificate, trusted only through the {@code javax.net.ssl.trustStore} properties (as
 * {@code JAVA_TOOL_OPTIONS} sets them). Trust stores that cannot be read are checked in {@code HttpsIT}, one JVM per run:
 * after a failed load the JDK keeps serving the last trust store it did load, so only a fresh JVM shows what a run
 * prints.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpWarmUpTest {
    private static final String[] TRUST_PROPERTIES = {
        "javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"};

    @TempDir
    static Path dir;

    static Path keystore;
    static SelfSignedTokenServer running;
    static HttpsServer server;
    static String host;

    private final Map<String, String> savedProperties = new HashMap<>();

    @BeforeAll
    static void startServer() throws Exception {
        running = SelfSignedTokenServer.start(dir);
        keystore = running.keyStore();
        server = running.server();
        host = "https://127.0.0.1:" + running.port();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @BeforeEach
    void freshRun() {
        for (String name : TRUST_PROPERTIES) {
            savedProperties.put(name, System.getProperty(name));
        }
        HttpWarmUp.resetForTests();
    }

    @AfterEach
    void restore() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        HttpWarmUp.resetForTests();
    }

    static void trust(String path, String password) {
        System.setProperty("javax.net.ssl.trustStore", path);
        System.setProperty("javax.net.ssl.trustStorePassword", password);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    /** A HOME of the test's own: the trust store cache goes there. */
    static Map<String, String> env() {
        return Map.of("HOME", dir.resolve("home").toString());
    }

    static DatabricksClient client(String host) {
        return TestConfigs.pat(host).disableRetries().client();
    }

    /** What a client fails with when no TLS set-up was begun: OkHttp's own path, as before the warm-up existed. */
    static Throwable failureWithoutWarmUp(String host) {
        HttpWarmUp.resetForTests();
        return assertThrows(Throwable.class, () -> client(host).listTokens());
    }

    @Test
    void should_use_the_prepared_tls_for_an_https_host_and_reach_a_trusted_self_signed_server() {
        trust(keystore.toString(), "changeit");
        HttpWarmUp.start(true, env());
        assertTrue(HttpWarmUp.tlsStarted());
        HttpWarmUp.PreparedTls prepared = HttpWarmUp.preparedTls();
        assertNotNull(prepared);

        DatabricksClient client = client(host);
        assertEquals("over tls", client.listTokens().tokenInfos().get(0).comment());
        assertSame(prepared.socketFactory(), client.httpClient().sslSocketFactory());
        assertSame(prepared.trustManager(), client.httpClient().x509TrustManager());
    }

    @Test
    void should_reach_the_server_and_check_host_names_with_the_trust_manager_from_the_trust_store_cache()
            throws Exception {
        trust(keystore.toString(), "changeit");
        HttpWarmUp.start(true, env());
        assertNotNull(HttpWarmUp.preparedTls());
        Path cache = TrustStoreCache.directory(env());
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(cache)) {
            assertEquals(1, files.count(), "the first run fills the cache");
        }

        HttpWarmUp.resetForTests();
        HttpWarmUp.start(true, env());
        HttpWarmUp.PreparedTls prepared = HttpWarmUp.preparedTls();
        assertNotNull(prepared);
        DatabricksClient client = client(host);
        assertEquals("over tls", client.listTokens().tokenInfos().get(0).comment());
        assertSame(prepared.trustManager(), client.httpClient().x509TrustManager());

        String byName = "https://localhost:" + server.getAddress().getPort();
        TransportException e = assertThrows(TransportException.class, () -> client(byName).listTokens());
        assertTrue(e.getMessage().contains("certificate is not valid for localhost"), e.getMessage());
    }

    @Test
    void should_begin_tls_for_a_profile_host_only_when_it_is_https() {
        HttpWarmUp.startTlsFor("http://127.0.0.1:1", env());
        HttpWarmUp.startTlsFor(null, env());
        assertFalse(HttpWarmUp.tlsStarted());
        HttpWarmUp.startTlsFor("HTTPS://x.cloud.databricks.com", env());
        assertTrue(HttpWarmUp.tlsStarted());
    }

    @Test
    void should_not_begin_tls_for_plain_http() {
        HttpWarmUp.start(false, env());
        assertTrue(HttpWarmUp.started());
        assertFalse(HttpWarmUp.tlsStarted());
        assertNull(HttpWarmUp.preparedTls());
    }

    @Test
    void should_still_reject_a_certificate_the_trust_store_does_not_hold() {
        // No trust store property: the JVM's own CA certificates, which do not hold the self-signed certificate.
        for (String name : TRUST_PROPERTIES) {
            System.clearProperty(name);
        }
        Throwable before = failureWithoutWarmUp(host);
        HttpWarmUp.start(true, env());
        TransportException e = assertThrows(TransportException.class, () -> client(host).listTokens());
        assertNotNull(HttpWarmUp.preparedTls(), "the set-up itself works; the server is not trusted");
        assertEquals(before.getMessage(), e.getMessage());
        assertTrue(e.getMessage().contains("unable to find valid certification path"), e.getMessage());
    }

    @Test
    void should_still_check_the_host_name() {
        trust(keystore.toString(), "changeit");
        String byName = "https://localhost:" + server.getAddress().getPort(); // the certificate names 127.0.0.1 only
        Throwable before = failureWithoutWarmUp(byName);
        HttpWarmUp.start(true, env());
        TransportException e = assertThrows(TransportException.class, () -> client(byName).listTokens());
        assertNotNull(HttpWarmUp.preparedTls());
        assertEquals(before.getMessage(), e.getMessage());
        assertTrue(e.getMessage().contains("certificate is not valid for localhost"), e.getMessage());
    }
}
