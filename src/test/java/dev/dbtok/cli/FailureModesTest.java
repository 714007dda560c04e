package dev.dbtok.cli;

import static dev.dbtok.support.CliRunAssert.assertThat;

import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and broken environments: always one {@code Error:} line, exit 1, no stack trace. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureModesTest {
    @TempDir
    Path home;

    @Test
    void should_explain_that_nothing_is_configured() {
        CliRun run = Dbtok.inHome(home).run("tokens", "list");

        assertThat(run).failedWith(1).outIsEmpty().noStackTrace().errEquals(
                "Error: default auth: cannot configure default credentials, please check https://docs.databricks.com/en/dev-tools/auth.html#databricks-client-unified-authentication to configure credentials for your preferred authentication method\n");
    }

    @Test
    void should_name_the_host_of_a_closed_port() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Workspace.writeConfig(home, "[DEFAULT]\nhost = http://127.0.0.1:" + port + "\ntoken = dapi-x\n");

        CliRun run = Dbtok.inHome(home).run("tokens", "list", "-o", "json");

        assertThat(run).failedWith(1).outIsEmpty().noStackTrace()
                .errStartsWith("Warn: retrying GET /api/2.0/token/list in ")
                .errContains("Error: Get \"http://127.0.0.1:" + port + "/api/2.0/token/list\": connect: connection refused"
                        + " (gave up after 3 attempts over ")
                .errDoesNotContain("dapi-x");
    }

    @Test
    void should_log_the_cause_chain_only_with_debug() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Workspace.writeConfig(home, "[DEFAULT]\nhost = http://127.0.0.1:" + port + "\ntoken = dapi-x\n");

        CliRun run = Dbtok.inHome(home).run("tokens", "list", "--debug");

        assertThat(run).failedWith(1).outIsEmpty()
                .errContains("\nError: Get \"http://127.0.0.1:" + port + "/api/2.0/token/list\": ")
                .errContains(" Debug: error cause chain:\ndev.dbtok.http.TransportException\n\tat ")
                .errContains("\nCaused by: java.net.ConnectException: ")
                .errContains("\tat ")
                .errDoesNotContain("dapi-x");
    }

    @Test
    void should_report_a_malformed_config_file_without_a_stack_trace() {
        Workspace.writeConfig(home, "[DEFAULT\nhost = x\n");

        CliRun run = Dbtok.inHome(home).run("tokens", "list");

        assertThat(run).failedWith(1).outIsEmpty().noStackTrace().errStartsWith("Error: resolve: cannot parse config file: ");
    }

    @Test
    void should_keep_stdout_empty_for_json_errors() {
        assertThat(Dbtok.inHome(home).run("tokens", "list", "-o", "json")).failedWith(1).outIsEmpty();
    }

    /** A bug in dbtok: the user learns what to do, not the name of a Java class; --debug logs the chain. */
    @Test
    void should_not_name_a_java_class_for_an_unexpected_failure_without_a_message() {
        Workspace.writeConfig(home, "[DEFAULT]\nhost = http://127.0.0.1:1\ntoken = dapi-x\n");
        Dbtok dbtok = Dbtok.inHome(home).clients(config -> {
            throw new IllegalStateException();
        });

        assertThat(dbtok.run("tokens", "list")).failedWith(1).outIsEmpty().noStackTrace()
                .errEquals("Error: unexpected internal error; run the command again with --debug to see its cause\n");
        assertThat(dbtok.run("tokens", "list", "--debug")).failedWith(1)
                .errContains("Debug: error cause chain:\njava.lang.IllegalStateException\n\tat ");
    }
}
