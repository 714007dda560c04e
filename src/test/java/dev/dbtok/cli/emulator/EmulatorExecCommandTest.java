package dev.dbtok.cli.emulator;

import static dev.dbtok.cli.emulator.Leftovers.assertNoEmulatorThreads;
import static dev.dbtok.cli.emulator.Leftovers.assertPortClosed;
import static dev.dbtok.cli.emulator.Leftovers.awaitFile;
import static dev.dbtok.cli.emulator.Leftovers.awaitTrue;
import static dev.dbtok.cli.emulator.Leftovers.running;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbtok emulator exec}, through the real wiring, running real child processes. */
@DisabledOnOs(OS.WINDOWS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmulatorExecCommandTest {
    private static final String PATH = System.getenv("PATH");

    @TempDir
    Path home;

    @TempDir
    Path work;

    /** Runs started in the background; one an assertion left running is interrupted, which stops its command. */
    private final List<Background> background = new ArrayList<>();

    private Dbtok dbtok() {
        return Dbtok.inHome(home).env("PATH", PATH);
    }

    @AfterEach
    void stopBackgroundRuns() throws InterruptedException {
        for (Background run : background) {
            run.interrupt();
            run.await();
        }
    }

    private Background inBackground(Dbtok dbtok, String... args) {
        Background run = new Background(dbtok, args);
        background.add(run);
        return run;
    }

    /** Runs dbtok on its own thread, as a user's terminal would run it while the test looks on. */
    private static final class Background {
        private final AtomicReference<CliRun> result = new AtomicReference<>();
        private final Thread thread;

        Background(Dbtok dbtok, String... args) {
            thread = new Thread(() -> result.set(dbtok.run(args)), "dbtok-under-test");
            thread.start();
        }

        void interrupt() {
            thread.interrupt();
        }

        CliRun await() throws InterruptedException {
            thread.join(15_000);
            assertFalse(thread.isAlive(), "dbtok did not finish");
            return result.get();
        }
    }

    @Test
    void should_exit_with_the_commands_exit_code_and_leave_nothing_running() {
        Path hostFile = work.resolve("host");

        CliRun run = dbtok().run("emulator", "exec", "--", "sh", "-c", "echo \"$DATABRICKS_HOST\" > \"$0\"; exit 3",
                hostFile.toString());

        assertThat(run).failedWith(3).outIsEmpty().errIsEmpty();
        String host = awaitFile(hostFile, 1000).trim();
        assertTrue(host.matches("http://127\\.0\\.0\\.1:[0-9]+"), host);
        assertPortClosed(host);
        assertNoEmulatorThreads();
    }

    @Test
    void should_take_the_command_without_a_double_dash_and_keep_its_flags() {
        assertThat(dbtok().run("emulator", "exec", "sh", "-c", "test \"$1\" = --help", "sh", "--help")).succeeded();
    }

    @Test
    void should_point_the_command_at_the_emulator_only() throws Exception {
        Path out = work.resolve("env");
        String script = """
                { echo "$DATABRICKS_HOST"; echo "$DATABRICKS_TOKEN"; echo "$DATABRICKS_CONFIG_FILE"
                  echo "${DATABRICKS_CONFIG_PROFILE-unset} ${DATABRICKS_CLIENT_SECRET-unset} ${DATABRICKS_OUTPUT_FORMAT-unset} ${OTHER-unset}"
                  ls -l "$DATABRICKS_CONFIG_FILE" | cut -c1-10; } > "$0.tmp" && mv "$0.tmp" "$0"
                while [ ! -e "$0.go" ]; do sleep 0.02; done
                """;
        Background exec = inBackground(dbtok().env("DATABRICKS_CONFIG_PROFILE", "prod")
                .env("DATABRICKS_CLIENT_SECRET", "real-secret").env("DATABRICKS_OUTPUT_FORMAT", "json").env("OTHER", "kept"),
                "emulator", "exec", "--", "sh", "-c", script, out.toString());

        List<String> env = awaitFile(out, 10_000).lines().toList();
        String host = env.get(0);
        String token = env.get(1);
        Path config = Path.of(env.get(2));
        assertTrue(token.matches("dapi[0-9a-f]{32}"), token);
        assertEquals("unset unset json kept", env.get(3), "workspace selectors are removed, output settings kept");
        assertEquals("-rw-------", env.get(4), "the config file holds tokens");
        String text = Files.readString(config);
        assertTrue(text.contains("[emulator]\nhost  = " + host + "\ntoken = " + token + "\n"), text);
        assertTrue(text.contains("\n[emulator-user]\nhost  = " + host + "\ntoken = dapi"), text);
        assertTrue(text.contains("\n[emulator-sp]\nhost  = " + host + "\ntoken = dapi"), text);

        // While the command runs, its host and token reach a live emulator, as admin@example.com...
        Dbtok admin = Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", token);
        assertThat(admin.run("token-management", "list", "--created-by-username", "admin@example.com")).succeeded()
                .outContains("admin@example.com");
        // ... and its profiles authenticate as the other default accounts.
        Dbtok profiles = Dbtok.inHome(home).env("DATABRICKS_CONFIG_FILE", config.toString());
        assertThat(profiles.run("-p", "emulator-user", "token-management", "list")).failedWith(1)
                .errStartsWith("Error: Only Admins can access token management APIs.");
        assertThat(profiles.run("-p", "emulator-sp", "tokens", "create", "-o", "json")).succeeded();

        Files.createFile(Path.of(out + ".go"));
        assertThat(exec.await()).succeeded().outIsEmpty().errIsEmpty();
        assertFalse(Files.exists(config), "the config file is deleted afterwards");
        assertPortClosed(host);
        assertNoEmulatorThreads();
    }

    @Test
    void should_write_profiles_that_auth_profiles_finds_valid() throws Exception {
        Path out = work.resolve("env");
        String script = """
                { echo "$DATABRICKS_HOST"; echo "$DATABRICKS_CONFIG_FILE"; } > "$0.tmp" && mv "$0.tmp" "$0"
                while [ ! -e "$0.go" ]; do sleep 0.02; done
                """;
        Background exec = inBackground(dbtok(), "emulator", "exec", "--", "sh", "-c", script, out.toString());
        List<String> env = awaitFile(out, 10_000).lines().toList();
        String host = env.get(0);
        Dbtok profiles = Dbtok.inHome(home).env("DATABRICKS_CONFIG_FILE", env.get(1));

        CliRun table = profiles.run("auth", "profiles");
        CliRun describe = profiles.run("-p", "emulator-sp", "auth", "describe", "-o", "json");

        Files.createFile(Path.of(out + ".go"));
        assertThat(exec.await()).succeeded();
        assertThat(table).succeeded().errIsEmpty().outEquals(
                "Name           Host" + " ".repeat(host.length() - 4) + "  Valid\n"
                        + "emulator       " + host + "  YES\n"
                        + "emulator-user  " + host + "  YES\n"
                        + "emulator-sp    " + host + "  YES\n");
        assertEquals("11111111-2222-3333-4444-555555555555", assertThat(describe).succeeded().errIsEmpty().outJson()
                .get("username").asText(), "the service principal's Me names its application ID");
    }

    @Test
    void should_stop_the_command_and_its_children_when_interrupted() throws Exception {
        Path out = work.resolve("pids");
        Background exec = inBackground(dbtok(), "emulator", "exec", "--", "sh", "-c",
                "sleep 30 & echo \"$$ $! $DATABRICKS_HOST $DATABRICKS_CONFIG_FILE\" > \"$0\"; wait", out.toString());
        String[] started = awaitFile(out, 10_000).trim().split(" ");
        long shell = Long.parseLong(started[0]);
        long sleep = Long.parseLong(started[1]);
        assertTrue(running(shell) && running(sleep));

        exec.interrupt();

        assertThat(exec.await()).failedWith(1).outIsEmpty()
                .errEquals("Error: interrupted: stopped \"sh\" and the emulator\n");
        awaitTrue(() -> !running(shell) && !running(sleep), 2000);
        assertFalse(running(shell), "the command is stopped");
        assertFalse(running(sleep), "so are the processes it started");
        assertPortClosed(started[2]);
        assertFalse(Files.exists(Path.of(started[3])));
        assertNoEmulatorThreads();
    }

    @Test
    void should_stop_processes_the_command_left_running() throws Exception {
        Path out = work.resolve("pid");

        CliRun run = dbtok().run("emulator", "exec", "--", "sh", "-c", "sleep 30 & echo $! > \"$0\"; sleep 0.5",
                out.toString());

        assertThat(run).succeeded();
        long sleep = Long.parseLong(awaitFile(out, 1000).trim());
        awaitTrue(() -> !running(sleep), 2000);
        assertFalse(running(sleep), "a background job of the command is stopped with the emulator");
    }

    /** Found by the run's marker in its environment, though its parent died at once and nobody saw it. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void should_stop_processes_left_by_a_command_that_ended_at_once() throws Exception {
        Path out = work.resolve("pid");

        CliRun run = dbtok().run("emulator", "exec", "--", "sh", "-c", "sleep 30 & echo $! > \"$0\"", out.toString());

        assertThat(run).succeeded();
        long sleep = Long.parseLong(awaitFile(out, 1000).trim());
        awaitTrue(() -> !running(sleep), 2000);
        assertFalse(running(sleep));
    }

    @Nested
    class Failures {
        @Test
        void should_refuse_a_missing_command_with_usage() {
            for (List<String> args : List.of(List.of("emulator", "exec"), List.of("emulator", "exec", "--"))) {
                assertThat(dbtok().run(args.toArray(String[]::new))).failedWith(1).outIsEmpty()
                        .errStartsWith("Error: missing COMMAND: give the command to run after --,"
                                + " e.g. dbtok emulator exec -- dbtok tokens list\n\nUsage:\n"
                                + "  dbtok emulator exec -- COMMAND [ARGS...] [flags]\n");
            }
        }

        @Test
        void should_exit_127_like_a_shell_when_the_command_does_not_exist() throws IOException {
            long configsBefore = emulatorConfigFiles();

            assertThat(dbtok().run("emulator", "exec", "--", "./no-such-command")).failedWith(127).outIsEmpty()
                    .errEquals("Error: cannot run \"./no-such-command\": No such file or directory\n");

            assertEquals(configsBefore, emulatorConfigFiles(), "the config file is deleted");
            assertNoEmulatorThreads();
        }

        @Test
        void should_name_a_seed_file_that_does_not_exist() {
            Path missing = work.resolve("missing.json");

            assertThat(dbtok().run("emulator", "exec", "--seed", missing.toString(), "--", "true")).failedWith(1)
                    .outIsEmpty().errEquals("Error: seed file " + missing + " does not exist\n");
        }

        @Test
        void should_name_the_bad_entry_of_a_seed_file() throws IOException {
            Path seed = Files.writeString(work.resolve("seed.json"), "{\"tokens\": [{\"owner\": \"nobody@example.com\"}]}");

            assertThat(dbtok().run("emulator", "exec", "--seed", seed.toString(), "--", "true")).failedWith(1)
                    .errEquals("Error: seed file " + seed + ": tokens[0]: owner \"nobody@example.com\" is not a user"
                            + " or service principal\n");
            assertNoEmulatorThreads();
        }

        private long emulatorConfigFiles() throws IOException {
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                return files.filter(f -> f.getFileName().toString().startsWith("dbtok-emulator-")).count();
            }
        }
    }
}
