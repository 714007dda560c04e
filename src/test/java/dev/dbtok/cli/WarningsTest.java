package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static dev.dbtok.support.CliRunAssert.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.support.Dbtok;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two {@code Warning:} lines: a config file others can read, and credentials sent over plain http. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WarningsTest {
    /** Stops a command once it has what it needs to send a request, so no request is ever made. */
    static final Function<ResolvedConfig, DatabricksClient> NO_REQUESTS = config -> {
        throw new IllegalStateException("stopped before any request");
    };

    @TempDir
    Path home;

    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        stubFor(get("/api/2.0/token/list").willReturn(okJson("{}")));
    }

    Path config(String text, String mode) throws IOException {
        Path file = home.resolve(".databrickscfg");
        Files.writeString(file, text.replace("$HOST", host));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    static String exposed(Path file, String mode) {
        return "Warning: " + file + " holds credentials and is readable by other users (mode " + mode + "); run: chmod 600 "
                + file + "\n";
    }

    @Nested
    class Config_file_permissions {

        @Test
        void should_warn_once_when_others_can_read_a_file_with_a_token() throws IOException {
            Path file = config("[DEFAULT]\nhost = $HOST\ntoken = dapi-SECRET\n", "rw-r--r--");

            assertThat(Dbtok.inHome(home).run("tokens", "list")).succeeded().errEquals(exposed(file, "0644"));
        }

        @Test
        void should_warn_when_the_group_can_read_it() throws IOException {
            Path file = config("[DEFAULT]\nhost = $HOST\ntoken = dapi-SECRET\n", "rw-r-----");

            assertThat(Dbtok.inHome(home).run("tokens", "list")).succeeded().errEquals(exposed(file, "0640"));
        }

        @Test
        void should_warn_about_a_secret_in_another_profile_too() throws IOException {
            Path file = config("[mine]\nhost = $HOST\n[other]\nhost = https://x\npassword = pw-SECRET\n", "rw-r--r--");

            assertThat(Dbtok.inHome(home).env("DATABRICKS_TOKEN", "t").run("tokens", "list", "-p", "mine"))
                    .succeeded().errEquals(exposed(file, "0644"));
        }

        @Test
        void should_not_warn_about_a_file_without_secrets() throws IOException {
            config("[mine]\nhost = $HOST\n", "rw-r--r--");

            assertThat(Dbtok.inHome(home).env("DATABRICKS_TOKEN", "t").run("tokens", "list", "-p", "mine"))
                    .succeeded().errIsEmpty();
        }

        @Test
        void should_not_warn_about_a_file_that_was_not_used() throws IOException {
            config("[DEFAULT]\nhost = https://x\ntoken = dapi-SECRET\n", "rw-r--r--");

            assertThat(Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", "t").run("tokens", "list"))
                    .succeeded().errIsEmpty();
        }

        @Test
        void should_warn_when_listing_profiles() throws IOException {
            Path file = config("[a]\nhost = $HOST\ntoken = dapi-SECRET\n", "rw-rw-r--");

            assertThat(Dbtok.inHome(home).run("auth", "profiles", "--skip-validate")).succeeded()
                    .errEquals(exposed(file, "0664"));
        }

        @Test
        void should_not_warn_after_configure_made_the_file_private() throws IOException {
            config("[a]\nhost = $HOST\ntoken = dapi-SECRET\n", "rw-r--r--");

            assertThat(Dbtok.inHome(home).stdin("dapi-new").run("configure", "--host", host, "-p", "a")).succeeded().errIsEmpty();
            assertThat(Dbtok.inHome(home).run("tokens", "list", "-p", "a")).succeeded().errIsEmpty();
        }
    }

    @Nested
    class Plain_http {

        @Test
        void should_warn_before_sending_credentials_to_another_machine_over_http() {
            assertThat(Dbtok.inHome(home).clients(NO_REQUESTS).env("DATABRICKS_HOST", "http://dbc-1.example.com/")
                    .env("DATABRICKS_TOKEN", "t").run("tokens", "list")).failedWith(1)
                    .errEquals("Warning: credentials for http://dbc-1.example.com are sent unencrypted over plain http://;"
                            + " use https://\nError: stopped before any request\n");
        }

        @Test
        void should_not_warn_for_https() {
            assertThat(Dbtok.inHome(home).clients(NO_REQUESTS).env("DATABRICKS_HOST", "dbc-1.example.com")
                    .env("DATABRICKS_TOKEN", "t").run("tokens", "list")).failedWith(1)
                    .errEquals("Error: stopped before any request\n");
        }

        @Test
        void should_not_warn_for_this_machine() {
            assertThat(Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", "t").run("tokens", "list"))
                    .succeeded().errIsEmpty();
            assertThat(Dbtok.inHome(home).clients(NO_REQUESTS).env("DATABRICKS_HOST", "http://127.0.0.1:9")
                    .env("DATABRICKS_TOKEN", "t").run("tokens", "list")).errEquals("Error: stopped before any request\n");
        }
    }
}
