package dev.dbtok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dbtok emulator} as users run it: real processes on the packaged jar, stopped by real signals. Checks
 * the README's quick start and that nothing is left behind (no process, no listening port, no config file).
 */
@DisabledOnOs(OS.WINDOWS)
@DisplayNameGeneration(ReplaceUnderscores.class)
class EmulatorIT {
    private static final Path PROJECT = Path.of(System.getProperty("dbtok.project.dir", "")).toAbsolutePath();
    private static final Path LAUNCHER = PROJECT.resolve("bin/dbtok");

    @TempDir
    Path tmp;

    private Path home;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        assertTrue(Files.isRegularFile(PROJECT.resolve("target/dbtok.jar")), "run after packaging");
        home = Files.createDirectories(tmp.resolve("home"));
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(PROJECT.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve("out").toFile())
                .redirectError(tmp.resolve("err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABRICKS_") || name.startsWith("DBTOK_"));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private String out() throws IOException {
        return Files.readString(tmp.resolve("out"));
    }

    private String err() throws IOException {
        return Files.readString(tmp.resolve("err"));
    }

    @Test
    void should_run_the_quick_start_command() throws Exception {
        Process dbtok = start("emulator", "exec", "--", "bin/dbtok", "tokens", "create", "--comment", "first",
                "--lifetime-seconds", "3600");

        assertTrue(dbtok.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, dbtok.exitValue(), this::dumpQuietly);
        assertEquals("", err());
        JsonNode created = Json.mapper().readTree(out());
        assertEquals("first", created.at("/token_info/comment").asText());
        assertEquals(3_600_000, created.at("/token_info/expiry_time").asLong() - created.at("/token_info/creation_time").asLong());
        assertTrue(created.at("/token_value").asText().matches("dapi[0-9a-f]{32}"));
        assertTrue(created.at("/token_info/token_id").asText().matches("[0-9a-f]{64}"));
    }

    @Test
    void should_find_every_profile_of_exec_valid() throws Exception {
        Process dbtok = start("emulator", "exec", "--", "bin/dbtok", "auth", "profiles", "-o", "json");

        assertTrue(dbtok.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, dbtok.exitValue(), this::dumpQuietly);
        assertEquals("", err());
        List<String> valid = new ArrayList<>();
        Json.mapper().readTree(out()).get("profiles")
                .forEach(p -> valid.add(p.get("name").asText() + "=" + p.get("valid").asBoolean()));
        assertEquals(List.of("emulator=true", "emulator-user=true", "emulator-sp=true"), valid, this::dumpQuietly);
    }

    @Test
    void should_stop_the_command_tree_and_the_emulator_on_sigterm() throws Exception {
        Path pids = tmp.resolve("pids");
        Process dbtok = start("emulator", "exec", "--", "sh", "-c",
                "sleep 60 & echo \"$$ $! $DATABRICKS_HOST $DATABRICKS_CONFIG_FILE\" > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"; wait",
                pids.toString());
        awaitTrue(() -> Files.exists(pids), 30_000);
        String[] child = Files.readString(pids).trim().split(" ");
        long shell = Long.parseLong(child[0]);
        long sleep = Long.parseLong(child[1]);
        assertTrue(alive(shell) && alive(sleep));

        dbtok.destroy(); // SIGTERM, as a CI runner cancelling the job sends

        assertTrue(dbtok.waitFor(30, TimeUnit.SECONDS), "dbtok did not stop");
        assertEquals(143, dbtok.exitValue(), this::dumpQuietly);
        awaitTrue(() -> !alive(shell) && !alive(sleep), 5000);
        assertFalse(alive(shell), () -> "the command is stopped: " + stat(shell) + "\n" + dumpQuietly());
        assertFalse(alive(sleep), "so are the processes it started");
        assertPortClosed(child[2]);
        assertFalse(Files.exists(Path.of(child[3])), "the config file is deleted");
    }

    @Test
    void should_stop_everything_on_ctrl_c() throws Exception {
        Path pids = tmp.resolve("pids");
        Process dbtok = start("emulator", "exec", "--", "sh", "-c",
                "sleep 60 & echo \"$$ $! $DATABRICKS_HOST $DATABRICKS_CONFIG_FILE\" > \"$0.tmp\" && mv \"$0.tmp\" \"$0\"; wait",
                pids.toString());
        awaitTrue(() -> Files.exists(pids), 30_000);
        String[] child = Files.readString(pids).trim().split(" ");

        // Ctrl-C signals the whole foreground process group; the shell's background job ignores it.
        new ProcessBuilder("kill", "-INT", String.valueOf(dbtok.pid()), child[0], child[1]).start().waitFor();

        assertTrue(dbtok.waitFor(30, TimeUnit.SECONDS), "dbtok did not stop");
        assertEquals(130, dbtok.exitValue(), this::dumpQuietly);
        long sleep = Long.parseLong(child[1]);
        awaitTrue(() -> !alive(sleep), 5000);
        assertFalse(alive(sleep), () -> "the background job is stopped too: " + stat(sleep) + "\n" + dumpQuietly());
        assertPortClosed(child[2]);
        assertFalse(Files.exists(Path.of(child[3])), "the config file is deleted");
    }

    @Test
    void should_serve_until_sigterm_then_free_the_port() throws Exception {
        Process dbtok = start("emulator");
        awaitTrue(() -> {
            try {
                return out().contains("export DATABRICKS_HOST=");
            } catch (IOException e) {
                return false;
            }
        }, 30_000);
        String host = out().lines().filter(l -> l.startsWith("Host:")).findFirst().orElseThrow().substring(5).trim();
        try (Socket socket = new Socket()) {
            socket.connect(address(host), 1000);
        }

        dbtok.destroy();

        assertTrue(dbtok.waitFor(30, TimeUnit.SECONDS), "dbtok emulator did not stop");
        assertEquals(143, dbtok.exitValue());
        assertPortClosed(host);
        assertTrue(err().contains("dbtok emulator is serving " + host), this::dumpQuietly);
    }

    /** Alive and not an exited orphan waiting to be reaped (a container's PID 1 may never reap it). */
    private static boolean alive(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException e) {
                return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            }
        }
        return false;
    }

    private static String stat(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static InetSocketAddress address(String host) {
        URI uri = URI.create(host);
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static void assertPortClosed(String host) {
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(address(host), 1000);
            }
        }, "something still listens on " + host);
    }

    private static void awaitTrue(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private String dumpQuietly() {
        try {
            return "--- stdout\n" + out() + "--- stderr\n" + err();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
