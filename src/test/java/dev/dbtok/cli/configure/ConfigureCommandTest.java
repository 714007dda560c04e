package dev.dbtok.cli.configure;

import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigureCommandTest {
    static final String TOKEN = "dapi0123456789abcdef-SECRET";

    @TempDir
    Path home;

    Path cfg() {
        return home.resolve(".databrickscfg");
    }

    String written() throws IOException {
        return Files.readString(cfg());
    }

    @Nested
    class Without_a_terminal {

        @Test
        void should_read_the_token_from_stdin_and_write_the_profile() throws IOException {
            CliRun run = Dbtok.inHome(home).stdin(TOKEN + "\n")
                    .run("configure", "--host", "dbc-1.cloud.databricks.com/", "--profile", "dev");

            assertThat(run).succeeded().outIsEmpty().errIsEmpty();
            assertEquals("""
                    ; The profile defined in the DEFAULT section is to be used as a fallback when no profile is explicitly specified.
                    [DEFAULT]

                    [dev]
                    host  = https://dbc-1.cloud.databricks.com
                    token = dapi0123456789abcdef-SECRET

                    [__settings__]
                    default_profile = dev

                    """, written());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg())));
        }

        @Test
        void should_write_the_default_profile_when_none_is_named() throws IOException {
            assertThat(Dbtok.inHome(home).stdin(TOKEN).run("configure", "--token", "--host", "https://host")).succeeded();

            assertTrue(written().startsWith("[DEFAULT]\nhost  = https://host\ntoken = " + TOKEN + "\n"), written());
        }

        @Test
        void should_take_host_token_profile_and_file_from_the_environment() throws IOException {
            Path other = home.resolve("other.cfg");

            CliRun run = Dbtok.inHome(home).env("DATABRICKS_HOST", "https://env-host").env("DATABRICKS_TOKEN", TOKEN)
                    .env("DATABRICKS_CONFIG_PROFILE", "FROM-ENV").env("DATABRICKS_CONFIG_FILE", other.toString())
                    .run("configure");

            assertThat(run).succeeded();
            assertTrue(Files.readString(other).contains("[FROM-ENV]\nhost  = https://env-host\ntoken = " + TOKEN + "\n"));
            assertFalse(Files.exists(cfg()));
        }

        @Test
        void should_let_the_profile_flag_beat_the_profile_variable() throws IOException {
            CliRun run = Dbtok.inHome(home).stdin(TOKEN).env("DATABRICKS_CONFIG_PROFILE", "FROM-ENV")
                    .run("configure", "--host", "https://h", "-p", "FROM-FLAG");

            assertThat(run).succeeded();
            assertTrue(written().contains("[FROM-FLAG]"));
            assertFalse(written().contains("[FROM-ENV]"));
        }

        @Test
        void should_require_a_host() {
            assertThat(Dbtok.inHome(home).stdin(TOKEN).run("configure")).failedWith(1).outIsEmpty()
                    .errEquals("Error: host must be set in non-interactive mode: pass --host or set DATABRICKS_HOST\n");
            assertFalse(Files.exists(cfg()));
        }

        @Test
        void should_require_a_token_on_stdin() {
            assertThat(Dbtok.inHome(home).run("configure", "--host", "https://h")).failedWith(1)
                    .errEquals("Error: no token on stdin: pipe the token in (dbtok configure --host <url> < token.txt),"
                            + " or set DATABRICKS_TOKEN\n");
        }

        @Test
        void should_refuse_a_token_with_spaces() {
            assertThat(Dbtok.inHome(home).stdin("two words\n").run("configure", "--host", "https://h")).failedWith(1)
                    .errEquals("Error: the token read from stdin contains spaces or control characters\n");
        }
    }

    @Nested
    class On_a_terminal {

        @Test
        void should_ask_for_the_host_and_read_the_token_without_echo() throws IOException {
            List<String> prompts = new ArrayList<>();
            CliRun run = Dbtok.inHome(home).interactive().stdin("http://example.com\ndbc-1.cloud.databricks.com\n")
                    .secretPrompt(prompt -> {
                        prompts.add(prompt);
                        return TOKEN.toCharArray();
                    })
                    .run("configure", "-p", "dev");

            assertThat(run).succeeded().outIsEmpty().errEquals("Databricks workspace host (https://...): "
                    + "Invalid host: must start with https://\n"
                    + "Databricks workspace host (https://...): ")
                    .errDoesNotContain(TOKEN);
            assertEquals(List.of("Personal access token: "), prompts);
            assertTrue(written().contains("[dev]\nhost  = https://dbc-1.cloud.databricks.com\ntoken = " + TOKEN + "\n"));
        }

        @Test
        void should_stop_when_the_prompt_gets_no_token() {
            assertThat(Dbtok.inHome(home).interactive().run("configure", "--host", "https://h")).failedWith(1)
                    .errEquals("Error: no token given\n");
        }
    }

    @Nested
    class Never_from_the_command_line {

        @Test
        void should_refuse_a_token_given_as_an_argument_without_repeating_it() {
            CliRun run = Dbtok.inHome(home).run("configure", "--host", "https://h", "--token", TOKEN);

            assertThat(run).failedWith(1).errStartsWith("Error: accepts 0 arg(s), received 1\n\nUsage:\n  dbtok configure [flags]\n")
                    .errDoesNotContain(TOKEN);
            assertFalse(Files.exists(cfg()));
        }

        @Test
        void should_refuse_a_token_given_as_the_flag_value_without_repeating_it() {
            CliRun run = Dbtok.inHome(home).run("configure", "--host", "https://h", "--token=" + TOKEN);

            assertThat(run).failedWith(1).errStartsWith("Error: --token takes no value: dbtok reads the token from"
                    + " DATABRICKS_TOKEN, a hidden prompt or stdin, never from the command line\n\nUsage:")
                    .errDoesNotContain(TOKEN);
        }
    }

    @Nested
    class Hosts {

        @Test
        void should_refuse_plain_http_to_another_machine() {
            assertThat(Dbtok.inHome(home).stdin(TOKEN).run("configure", "--host", "http://dbc-1.example.com")).failedWith(1)
                    .errEquals("Error: invalid host \"http://dbc-1.example.com\": must start with https://\n");
        }

        @Test
        void should_accept_plain_http_to_this_machine() throws IOException {
            assertThat(Dbtok.inHome(home).stdin(TOKEN).run("configure", "--host", "http://127.0.0.1:8080/x")).succeeded();

            assertTrue(written().contains("host  = http://127.0.0.1:8080\n"));
        }
    }

    @Nested
    class Existing_file {

        @Test
        void should_keep_other_profiles_and_comments_and_back_up_the_old_file() throws IOException {
            String before = "# mine\n[a]\nhost = https://a\ntoken = ta\n\n[b]\nhost = https://b\nclient_id = x\nclient_secret = y\n";
            Files.writeString(cfg(), before);

            assertThat(Dbtok.inHome(home).stdin(TOKEN).run("configure", "--host", "https://b", "-p", "b")).succeeded();

            assertEquals("# mine\n[a]\nhost = https://a\ntoken = ta\n\n[b]\nhost  = https://b\ntoken = " + TOKEN + "\n",
                    written());
            assertEquals(before, Files.readString(home.resolve(".databrickscfg.bak")));
        }

        @Test
        void should_fail_clearly_when_the_directory_is_read_only_and_keep_the_file() throws IOException {
            Path dir = Files.createDirectories(home.resolve("ro"));
            Path file = dir.resolve("cfg");
            Files.writeString(file, "[a]\nhost = https://a\n");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
            try {
                org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir), "root can write anywhere");

                CliRun run = Dbtok.inHome(home).stdin(TOKEN).env("DATABRICKS_CONFIG_FILE", file.toString())
                        .run("configure", "--host", "https://a", "-p", "a");

                assertThat(run).failedWith(1).errEquals("Error: cannot save profile a: write " + dir.resolve("cfg.bak")
                        + ": cannot create a file in " + dir + ": permission denied\n");
                assertEquals("[a]\nhost = https://a\n", Files.readString(file));
            } finally {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }
}
