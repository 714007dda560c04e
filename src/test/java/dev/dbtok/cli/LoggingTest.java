package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.Version;
import dev.dbtok.json.Json;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import dev.dbtok.support.Workspace;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** --debug, --log-level, --log-format, --log-file and their environment defaults (output.md §5), end to end. */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoggingTest {
    private static final long PID = ProcessHandle.current().pid();
    private static final String CREATED = """
            {"token_info": {"token_id": "%s", "creation_time": 1626286601651, "expiry_time": -1, "comment": "ci"},
             "token_value": "dapi-created-value-0123456789"}
            """.formatted(Workspace.TOKEN_ID);

    @TempDir
    Path home;

    Dbtok dbtok;
    String host;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        host = wm.getHttpBaseUrl();
        dbtok = Workspace.defaultProfile(home, wm);
        stubFor(get("/api/2.0/token/list").willReturn(okJson("{\"token_infos\": []}")));
        stubFor(post("/api/2.0/token/create").willReturn(okJson(CREATED)));
    }

    /** Times of day and the pid replaced by fixed values, so that whole logs compare. */
    private static String normalized(String log) {
        return log.replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d ", "10:00:00 ").replace("pid=" + PID, "pid=4242");
    }

    private static List<JsonNode> jsonLines(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            try {
                lines.add(Json.mapper().readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return lines;
    }

    @Nested
    class Levels {
        @Test
        void should_log_nothing_at_the_default_warn_level() {
            assertThat(dbtok.run("tokens", "list")).succeeded().errIsEmpty();
        }

        @Test
        void should_write_the_lifecycle_lines_without_attributes_at_info() {
            assertThat(dbtok.run("tokens", "list", "--log-level", "info")).succeeded()
                    .errEquals("Info: start\nInfo: completed execution\n");
        }

        @Test
        void should_take_the_level_from_the_environment() {
            assertThat(dbtok.env("DATABRICKS_LOG_LEVEL", "INFO").run("tokens", "list")).succeeded()
                    .errEquals("Info: start\nInfo: completed execution\n");
        }

        @Test
        void should_let_the_flag_beat_the_environment() {
            assertThat(dbtok.env("DATABRICKS_LOG_LEVEL", "info").run("tokens", "list", "--log-level", "error"))
                    .succeeded().errIsEmpty();
        }

        @Test
        void should_let_debug_beat_log_level() {
            CliRun run = dbtok.run("tokens", "list", "--log-level", "error", "--debug");

            assertThat(run).succeeded().errContains(" Debug: GET /api/2.0/token/list\n");
        }

        @Test
        void should_dump_requests_at_trace_too() {
            assertThat(dbtok.run("tokens", "list", "--log-level", "trace")).succeeded()
                    .errContains(" Debug: GET /api/2.0/token/list\n< HTTP/1.1 200 OK\n");
        }

        @Test
        void should_log_nothing_when_disabled_but_still_print_errors() {
            stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"boom\"}")));

            assertThat(dbtok.run("tokens", "list", "--log-level", "disabled")).failedWith(1).errEquals("Error: boom\n");
        }
    }

    @Nested
    class Text_format {
        @Test
        void should_log_a_create_like_the_official_cli_with_the_token_value_redacted() {
            CliRun run = dbtok.run("tokens", "create", "--comment", "ci", "--debug");

            assertThat(run).succeeded().outContains("\"token_value\": \"dapi-created-value-0123456789\"");
            assertEquals("""
                    10:00:00 Info: start pid=4242 version=%s args="dbtok, tokens, create, --comment, ci, --debug"
                    10:00:00 Debug: resolved configuration pid=4242 host=%s profile=DEFAULT auth_type=pat config_file=%s sources="host from %3$s config file, token from %3$s config file, profile from dynamic configuration"
                    10:00:00 Debug: POST /api/2.0/token/create
                    > {
                    >   "comment": "ci"
                    > }
                    < HTTP/1.1 200 OK
                    < {
                    <   "token_info": {
                    <     "comment": "ci",
                    <     "creation_time": 1626286601651,
                    <     "expiry_time": -1,
                    <     "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c"
                    <   },
                    <   "token_value": "**REDACTED**"
                    < } pid=4242 sdk=true
                    10:00:00 Info: completed execution pid=4242 exit_code=0
                    """.formatted(Version.get(), host, home.resolve(".databrickscfg")), normalized(run.err()));
        }

        @Test
        void should_end_a_failed_run_with_the_error_and_the_cause_chain() {
            stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(404)
                    .withBody("{\"error_code\": \"NOT_FOUND\", \"message\": \"no such thing\"}")));

            CliRun run = dbtok.run("tokens", "list", "--debug");

            String err = normalized(run.err());
            assertThat(run).failedWith(1).outIsEmpty();
            assertTrue(err.contains("\nError: no such thing\n10:00:00 Debug: error cause chain:\ndev.dbtok.http.ApiException\n\tat "), err);
            assertTrue(err.endsWith(" pid=4242\n10:00:00 Info: failed execution pid=4242 exit_code=1 error=\"no such thing\"\n"), err);
        }

        @Test
        void should_quote_a_multi_line_error_with_its_hints() {
            stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(403).withBody("{\"message\": \"denied\"}")));

            CliRun run = dbtok.run("tokens", "list", "--log-level", "debug");

            assertThat(run).failedWith(1).errContains("Error: denied\n\nProfile:   DEFAULT\nHost:      " + host
                    + "\nAuth type: Personal Access Token (pat)\n\nNext steps:\n"
                    + "  - Verify you have the required permissions for this operation\n"
                    + "  - Check your identity: dbtok auth describe --profile DEFAULT\n");
            assertThat(run).errContains("Info: failed execution pid=" + PID + " exit_code=1 error=\"denied\\n\\nProfile:   DEFAULT\\nHost:      ");
        }

        @Test
        void should_log_an_argument_error_found_after_the_log_was_opened() {
            CliRun run = dbtok.run("tokens", "create", "extra", "--log-level", "info");

            assertThat(run).failedWith(1)
                    .errStartsWith("Info: start\nError: accepts 0 arg(s), received 1\n\nUsage:\n")
                    .errContains("\nInfo: failed execution\n");
        }

        @Test
        void should_log_nothing_for_flag_errors_as_the_logger_does_not_exist_yet() {
            CliRun run = dbtok.run("tokens", "list", "--debug", "--limit", "x");

            assertThat(run).failedWith(1).errStartsWith("Error: invalid argument \"x\" for \"--limit\" flag")
                    .errDoesNotContain("Debug:").errDoesNotContain("Info:");
        }

        @Test
        void should_log_nothing_for_help_and_version() {
            assertThat(dbtok.run("tokens", "list", "--help", "--debug")).succeeded().errIsEmpty();
            assertThat(dbtok.run("--version", "--debug")).succeeded().errIsEmpty();
        }

        @Test
        void should_show_no_stack_trace_without_debug() {
            stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"boom\"}")));

            assertThat(dbtok.run("tokens", "list", "--log-level", "info")).failedWith(1).noStackTrace()
                    .errEquals("Info: start\nError: boom\nInfo: failed execution\n");
        }
    }

    @Nested
    class Json_format {
        @Test
        void should_write_one_json_object_per_line() {
            CliRun run = dbtok.run("tokens", "create", "--comment", "ci", "--debug", "--log-format", "json");

            assertThat(run).succeeded();
            List<JsonNode> lines = jsonLines(run.err());
            assertEquals(4, lines.size(), run.err());
            JsonNode start = lines.get(0);
            assertEquals(List.of("time", "level", "msg", "pid", "version", "args"), names(start));
            assertEquals("INFO", start.get("level").asText());
            assertEquals("start", start.get("msg").asText());
            assertEquals(PID, start.get("pid").asLong());
            assertTrue(start.get("pid").isIntegralNumber());
            assertEquals("dbtok, tokens, create, --comment, ci, --debug, --log-format, json", start.get("args").asText());
            assertTrue(start.get("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)"),
                    start.get("time").asText());
            JsonNode dump = lines.get(2);
            assertEquals("DEBUG", dump.get("level").asText());
            assertTrue(dump.get("sdk").booleanValue());
            assertTrue(dump.get("msg").asText().startsWith("POST /api/2.0/token/create\n> {\n>   \"comment\": \"ci\"\n> }\n< HTTP/1.1 200 OK\n"));
            assertTrue(dump.get("msg").asText().contains("\"token_value\": \"**REDACTED**\""));
            JsonNode end = lines.get(3);
            assertEquals("completed execution", end.get("msg").asText());
            assertTrue(end.get("exit_code").isTextual());
            assertEquals("0", end.get("exit_code").asText());
        }

        @Test
        void should_take_the_format_from_the_environment() {
            CliRun run = dbtok.env("DATABRICKS_LOG_FORMAT", "json").env("DATABRICKS_LOG_LEVEL", "info")
                    .run("tokens", "list");

            assertThat(run).succeeded();
            List<JsonNode> lines = jsonLines(run.err());
            assertEquals(List.of("start", "completed execution"), lines.stream().map(l -> l.get("msg").asText()).toList());
            assertEquals("INFO", lines.get(0).get("level").asText());
        }

        private List<String> names(JsonNode node) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            return names;
        }
    }

    @Nested
    class Destinations {
        @Test
        void should_keep_stdout_valid_json_with_debug() {
            CliRun run = dbtok.run("tokens", "create", "--comment", "ci", "-o", "json", "--debug");

            assertThat(run).succeeded().errContains("Debug: POST /api/2.0/token/create");
            assertEquals("dapi-created-value-0123456789", assertThat(run).outJson().get("token_value").asText());
        }

        @Test
        void should_append_to_a_log_file_created_for_the_owner_only(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("dbtok.log");

            CliRun first = dbtok.run("tokens", "list", "--debug", "--log-file", file.toString());
            CliRun second = dbtok.run("tokens", "list", "--debug", "--log-file", file.toString());

            assertThat(first).succeeded().errIsEmpty().outEquals("ID  Expiry time  Comment\n");
            assertThat(second).succeeded().errIsEmpty();
            String log = Files.readString(file);
            assertEquals(2, log.split(" Info: start ", -1).length - 1, log);
            assertEquals(2, log.split(" Debug: GET /api/2.0/token/list\n", -1).length - 1, log);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }

        @Test
        void should_keep_what_an_existing_log_file_holds(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("dbtok.log");
            Files.writeString(file, "earlier\n");

            assertThat(dbtok.run("tokens", "list", "--log-level", "info", "--log-file", file.toString())).succeeded().errIsEmpty();

            assertEquals("earlier\nInfo: start\nInfo: completed execution\n", Files.readString(file));
        }

        @Test
        void should_take_the_log_file_from_the_environment(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("env.log");

            assertThat(dbtok.env("DATABRICKS_LOG_FILE", file.toString()).run("tokens", "list", "--log-level", "info"))
                    .succeeded().errIsEmpty();

            assertEquals("Info: start\nInfo: completed execution\n", Files.readString(file));
        }

        @Test
        void should_send_the_cause_chain_to_the_log_file_and_only_the_error_to_stderr(@TempDir Path dir) throws IOException {
            stubFor(get("/api/2.0/token/list").willReturn(aResponse().withStatus(500).withBody("{\"message\": \"boom\"}")));
            Path file = dir.resolve("dbtok.log");

            CliRun run = dbtok.run("tokens", "list", "--debug", "--log-file", file.toString());

            assertThat(run).failedWith(1).errEquals("Error: boom\n");
            assertTrue(Files.readString(file).contains("\tat dev.dbtok."), Files.readString(file));
        }

        @Test
        void should_write_logs_to_stdout_only_when_asked() {
            CliRun run = dbtok.run("tokens", "list", "--log-level", "info", "--log-file", "STDOUT");

            assertThat(run).succeeded().errIsEmpty().outEquals("Info: start\nID  Expiry time  Comment\nInfo: completed execution\n");
        }

        @Test
        void should_accept_stderr_in_any_case() {
            assertThat(dbtok.run("tokens", "list", "--log-level", "info", "--log-file", "Stderr")).succeeded()
                    .outEquals("ID  Expiry time  Comment\n").errEquals("Info: start\nInfo: completed execution\n");
        }

        @Test
        void should_fail_with_one_error_line_when_the_log_file_cannot_be_opened() {
            Path missing = home.resolve("no-such-dir").resolve("dbtok.log");

            CliRun run = dbtok.run("tokens", "list", "--debug", "--log-file", missing.toString());

            assertThat(run).failedWith(1).outIsEmpty().noStackTrace()
                    .errEquals("Error: open " + missing + ": no such file or directory\n");
            verify(0, anyRequestedFor(anyUrl()));
        }

        /** The token is created by then: a log file that stops taking lines must not lose it. */
        @Test
        @EnabledOnOs(OS.LINUX)
        void should_warn_once_and_finish_the_command_when_the_log_file_cannot_be_written() {
            CliRun run = dbtok.run("tokens", "create", "--debug", "--log-file", "/dev/full");

            assertThat(run).succeeded().outContains("\"token_value\": \"dapi-created-value-0123456789\"").noStackTrace()
                    .errEquals("Warning: cannot write log file /dev/full: no space left on device;"
                            + " no more lines are logged\n");
        }

        @Test
        void should_name_a_directory_given_as_log_file() {
            CliRun run = dbtok.run("tokens", "list", "--log-file", home.toString());

            assertThat(run).failedWith(1).outIsEmpty().errEquals("Error: open " + home + ": is a directory\n");
        }
    }
}
