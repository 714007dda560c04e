package dev.dbtok.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.http.HttpWarmUp;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the HTTP client's start-up is begun in the background: only for runs that send a request, TLS only for https. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HttpWarmUpWiringTest {
    /** Stops a command once it has its configuration, before any client or request. */
    static final Function<ResolvedConfig, DatabricksClient> NO_REQUESTS = config -> {
        throw new IllegalStateException("stopped before any request");
    };

    @BeforeEach
    @AfterEach
    void freshRun() {
        HttpWarmUp.resetForTests();
    }

    static final Map<String, String> HTTPS = Map.of("DATABRICKS_HOST", "https://x.cloud.databricks.com");
    static final Map<String, String> NO_SCHEME = Map.of("DATABRICKS_HOST", "x.cloud.databricks.com");
    static final Map<String, String> HTTP = Map.of("DATABRICKS_HOST", "http://127.0.0.1:8080");

    @Nested
    class Before_parsing {
        @Test
        void should_begin_tls_for_a_request_to_an_https_host() {
            Cli.warmUp(new String[] {"tokens", "list", "-o", "json"}, HTTPS);
            assertTrue(HttpWarmUp.started());
            assertTrue(HttpWarmUp.tlsStarted());
        }

        @Test
        void should_read_a_host_without_scheme_as_https() {
            Cli.warmUp(new String[] {"workspace-conf", "get-status", "x"}, NO_SCHEME);
            assertTrue(HttpWarmUp.tlsStarted());
        }

        @Test
        void should_warm_only_okhttp_for_a_plain_http_host_or_an_unknown_one() {
            Cli.warmUp(new String[] {"token-management", "list"}, HTTP);
            assertTrue(HttpWarmUp.started());
            assertFalse(HttpWarmUp.tlsStarted());
            HttpWarmUp.resetForTests();
            Cli.warmUp(new String[] {"tokens", "list"}, Map.of());
            assertTrue(HttpWarmUp.started());
            assertFalse(HttpWarmUp.tlsStarted(), "a profile's host is known only once the config is resolved");
        }

        @Test
        void should_begin_nothing_for_help_the_version_or_commands_that_send_nothing() {
            String[][] commandLines = {
                {"--help"}, {"tokens", "list", "--help"}, {"tokens", "-h"}, {"-v"}, {"--version"},
                {"emulator", "--port", "0"}, {"configure", "--host", "https://x"}, {},
                {"emulator", "exec", "--", "dbtok", "tokens", "list"}};
            for (String[] args : commandLines) {
                Cli.warmUp(args, HTTPS);
                assertFalse(HttpWarmUp.started(), String.join(" ", args));
                assertFalse(HttpWarmUp.tlsStarted(), String.join(" ", args));
            }
        }
    }

    @Nested
    class Guess {
        @Test
        void should_name_the_commands_that_call_a_workspace() {
            assertTrue(RequestGuess.sendsRequest(new String[] {"auth", "describe"}));
            assertTrue(RequestGuess.sendsRequest(new String[] {"auth", "profiles"}));
            assertTrue(RequestGuess.sendsRequest(new String[] {"-p", "dev", "tokens", "delete", "abc"}));
            assertFalse(RequestGuess.sendsRequest(new String[] {"auth", "login"}));
        }

        @Test
        void should_read_databricks_host_as_the_config_does() {
            assertTrue(RequestGuess.hostLooksHttps(HTTPS));
            assertTrue(RequestGuess.hostLooksHttps(NO_SCHEME));
            assertFalse(RequestGuess.hostLooksHttps(HTTP));
            assertFalse(RequestGuess.hostLooksHttps(Map.of("DATABRICKS_HOST", " HTTP://LOCALHOST")));
            assertFalse(RequestGuess.hostLooksHttps(Map.of("DATABRICKS_HOST", "")));
            assertFalse(RequestGuess.hostLooksHttps(Map.of()));
        }
    }

    @Nested
    class After_config_resolution {
        @TempDir
        Path home;

        CliRun listWithProfileHost(String host) throws IOException {
            Path config = home.resolve(".databrickscfg");
            Files.writeString(config, "[DEFAULT]\nhost = " + host + "\ntoken = t\n");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            return Dbtok.inHome(home).clients(NO_REQUESTS).run("tokens", "list");
        }

        @Test
        void should_begin_tls_for_a_profile_host_on_https() throws IOException {
            CliRun run = listWithProfileHost("https://x.cloud.databricks.com");
            assertEquals("Error: stopped before any request\n", run.err());
            assertTrue(HttpWarmUp.tlsStarted());
        }

        @Test
        void should_not_begin_tls_for_a_profile_host_on_plain_http() throws IOException {
            listWithProfileHost("http://127.0.0.1:1");
            assertFalse(HttpWarmUp.tlsStarted());
        }

        @Test
        void should_not_begin_anything_for_help() throws IOException {
            Files.writeString(home.resolve(".databrickscfg"), "[DEFAULT]\nhost = https://x.cloud.databricks.com\ntoken = t\n");
            Dbtok.inHome(home).run("tokens", "list", "--help");
            assertFalse(HttpWarmUp.started());
            assertFalse(HttpWarmUp.tlsStarted());
        }
    }
}
