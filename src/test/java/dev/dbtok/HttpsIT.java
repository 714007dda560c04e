package dev.dbtok;

import dev.dbtok.support.SelfSignedTokenServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dbtok} against an https server with a self-signed certificate, trusted (or not) through a trust store
 * given in {@code JAVA_TOOL_OPTIONS}, one JVM per run as users run it: the TLS set-up that begins in the background
 * must trust exactly what the JVM's defaults trust, check host names, and fail with the lines dbtok always printed.
 */
@DisabledOnOs(OS.WINDOWS)
@DisplayNameGeneration(ReplaceUnderscores.class)
class HttpsIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("dbtok.project.dir", "")).toAbsolutePath()
            .resolve("bin/dbtok");
    private static final String TOKENS = "[\n  {\n    \"comment\": \"over tls\",\n    \"token_id\": \"t1\"\n  }\n]\n";

    @TempDir
    static Path dir;

    static Path trustStore;
    static SelfSignedTokenServer running;
    static HttpsServer server;
    static int port;

    @BeforeAll
    static void startServer() throws Exception {
        running = SelfSignedTokenServer.start(dir);
        trustStore = running.keyStore();
        server = running.server();
        port = running.port();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    static String trusting(String path, String password) {
        return "-Djavax.net.ssl.trustStore=" + path + " -Djavax.net.ssl.trustStorePassword=" + password
                + " -Djavax.net.ssl.trustStoreType=PKCS12";
    }

    static String host() {
        return "https://127.0.0.1:" + port;
    }

    static String unverified(String host) {
        return "Error: Get \"" + host + "/api/2.0/token/list\": tls: failed to verify certificate: "
                + "unable to find valid certification path to requested target\n";
    }

    @Test
    void should_list_over_tls_with_the_certificate_trusted_through_JAVA_TOOL_OPTIONS() throws IOException {
        Run run = run(host(), trusting(trustStore.toString(), "changeit"), "tokens", "list", "-o", "json");
        assertEquals(new Run(0, TOKENS, ""), run);
    }

    @Test
    void should_list_over_tls_with_the_host_from_a_profile() throws IOException {
        Path home = Files.createDirectories(dir.resolve("profile-home"));
        Path config = home.resolve(".databrickscfg");
        Files.writeString(config, "[DEFAULT]\nhost = " + host() + "\ntoken = dapi-test\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        Run run = run(home, null, trusting(trustStore.toString(), "changeit"), "tokens", "list", "-o", "json");
        assertEquals(new Run(0, TOKENS, ""), run);
    }

    @Test
    void should_reject_the_certificate_without_the_trust_store() throws IOException {
        assertEquals(new Run(1, "", unverified(host())), run(host(), null, "tokens", "list", "-o", "json"));
    }

    @Test
    void should_reject_a_host_name_the_certificate_does_not_name() throws IOException {
        String byName = "https://localhost:" + port;
        Run run = run(byName, trusting(trustStore.toString(), "changeit"), "tokens", "list", "-o", "json");
        assertEquals(new Run(1, "", "Error: Get \"" + byName
                + "/api/2.0/token/list\": tls: certificate is not valid for localhost\n"), run);
    }

    @Test
    void should_fail_with_the_same_line_when_the_trust_store_password_is_wrong() throws IOException {
        Run run = run(host(), trusting(trustStore.toString(), "wrong"), "tokens", "list", "-o", "json");
        assertEquals(new Run(1, "", "Error: problem accessing trust store\n"), run);
    }

    @Test
    void should_fall_back_to_the_jdk_trust_store_when_the_given_one_is_missing() throws IOException {
        Run run = run(host(), trusting(dir.resolve("no-such.p12").toString(), "changeit"), "tokens", "list", "-o", "json");
        assertEquals(new Run(1, "", unverified(host())), run);
    }

    @Test
    void should_list_again_from_the_trust_store_cache_and_keep_it_owner_only() throws IOException {
        Path home = Files.createDirectories(dir.resolve("cache-home"));
        String trusting = trusting(trustStore.toString(), "changeit");
        assertEquals(new Run(0, TOKENS, ""), run(home, host(), trusting, "tokens", "list", "-o", "json"));
        Path cache = home.resolve(".cache/dbtok");
        List<Path> files;
        try (var listed = Files.list(cache)) {
            files = listed.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));

        assertEquals(new Run(0, TOKENS, ""), run(home, host(), trusting, "tokens", "list", "-o", "json"));
        assertEquals(new Run(1, "", "Error: problem accessing trust store\n"),
                run(home, host(), trusting(trustStore.toString(), "wrong"), "tokens", "list", "-o", "json"),
                "a wrong password still fails as the JVM fails, cache or not");
    }

    @Test
    void should_refuse_the_server_once_the_trust_store_at_the_same_path_no_longer_holds_its_certificate()
            throws Exception {
        Path home = Files.createDirectories(dir.resolve("replaced-home"));
        Path store = Files.copy(trustStore, dir.resolve("replaced.p12"));
        String trusting = trusting(store.toString(), "changeit");
        assertEquals(new Run(0, TOKENS, ""), run(home, host(), trusting, "tokens", "list", "-o", "json"));

        try (SelfSignedTokenServer other = SelfSignedTokenServer.start(Files.createDirectories(dir.resolve("other")))) {
            Files.copy(other.keyStore(), store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Run cached = run(home, host(), trusting, "tokens", "list", "-o", "json");
        Run fresh = run(Files.createDirectories(dir.resolve("fresh-home")), host(), trusting, "tokens", "list", "-o", "json");
        assertEquals(fresh, cached, "the same failure as a run that never cached the old store");
        assertEquals(1, cached.exitCode());
        assertTrue(cached.err().startsWith("Error: Get \"" + host() + "/api/2.0/token/list\": tls: failed to verify "
                + "certificate: "), cached.err());
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String host, String javaToolOptions, String... args) throws IOException {
        return run(Files.createDirectories(dir.resolve("home")), host, javaToolOptions, args);
    }

    /** bin/dbtok with a clean environment; the JVM's "Picked up JAVA_TOOL_OPTIONS" line is left out of stderr. */
    private Run run(Path home, String host, String javaToolOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("DATABRICKS_") || name.endsWith("JAVA_OPTIONS")
                || name.equals("DBTOK_JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS"));
        env.put("HOME", home.toString());
        if (host != null) {
            env.put("DATABRICKS_HOST", host);
            env.put("DATABRICKS_TOKEN", "dapi-test");
        }
        if (javaToolOptions != null) {
            env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        }
        Process process = pb.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out (a thread kept the JVM alive?): " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String stderr = Files.readString(err).replaceAll("(?m)^Picked up JAVA_TOOL_OPTIONS: .*\n", "");
        return new Run(process.exitValue(), Files.readString(out), stderr);
    }
}
