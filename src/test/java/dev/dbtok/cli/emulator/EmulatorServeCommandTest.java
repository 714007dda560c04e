package dev.dbtok.cli.emulator;

import static dev.dbtok.cli.emulator.Leftovers.assertNoEmulatorThreads;
import static dev.dbtok.cli.emulator.Leftovers.assertPortClosed;
import static dev.dbtok.cli.emulator.Leftovers.awaitTrue;
import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.cli.Cli;
import dev.dbtok.cli.Services;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.json.Json;
import dev.dbtok.output.Terminal;
import dev.dbtok.support.Dbtok;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbtok emulator} (serve) through the real wiring, on a thread of its own: what it prints, that it serves, and
 * that it frees everything when stopped. Stopping by signal runs the same clean-up from a shutdown hook; the launcher
 * integration test covers that with a real process.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmulatorServeCommandTest {
    private static final Pattern EXPORT =
            Pattern.compile("export DATABRICKS_HOST=(http://127\\.0\\.0\\.1:([0-9]+)) DATABRICKS_TOKEN=(dapi[0-9a-f]{32})\n");

    @TempDir
    Path home;

    private Serving serving;

    @AfterEach
    void stop() throws InterruptedException {
        if (serving != null) {
            serving.stop();
        }
    }

    /** {@code dbtok <args>} running on its own thread, with stdout and stderr readable while it runs. */
    private final class Serving {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final Thread thread;

        Serving(String... args) {
            Services services = new Services(Map.of("HOME", home.toString()), new Terminal(false, false, false, Map.of()),
                    InputStream.nullInputStream(), DatabricksClient::create);
            thread = new Thread(() -> exitCode.set(Cli.newCommandLine(services, new PrintWriter(out, true),
                    new PrintWriter(err, true)).execute(args)), "serve-under-test");
            thread.start();
        }

        String awaitOut(Pattern pattern) {
            awaitTrue(() -> pattern.matcher(out.toString()).find(), 10_000);
            return out.toString();
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertFalse(thread.isAlive(), "dbtok emulator did not stop");
            return exitCode.get();
        }
    }

    @Test
    void should_print_how_to_connect_serve_and_free_the_port_when_stopped() throws Exception {
        serving = new Serving("emulator");
        String out = serving.awaitOut(EXPORT);
        Matcher export = EXPORT.matcher(out);
        assertTrue(export.find());
        String host = export.group(1);
        String token = export.group(3);

        Matcher table = Pattern.compile("""
                Host:  (\\S+)
                Token: (\\S+)  \\(admin@example.com, workspace admin\\)

                Account                               Kind                   Token
                admin@example.com                     user, workspace admin  (dapi[0-9a-f]{32})
                user@example.com                      user                   dapi[0-9a-f]{32}
                11111111-2222-3333-4444-555555555555  service principal      dapi[0-9a-f]{32}

                export .*
                """).matcher(out);
        assertTrue(table.matches(), out);
        assertEquals(host, table.group(1));
        assertEquals(token, table.group(2));
        assertEquals(token, table.group(3));

        assertThat(Dbtok.inHome(home).env("DATABRICKS_HOST", host).env("DATABRICKS_TOKEN", token).run("tokens", "list"))
                .succeeded();
        awaitTrue(() -> serving.err.toString().contains("GET /api/2.0/token/list -> 200 (admin@example.com)\n"), 5000);
        assertTrue(serving.err.toString().startsWith("dbtok emulator is serving " + host + ";"), serving.err::toString);

        assertEquals(0, serving.stop());
        assertTrue(serving.err.toString().endsWith("dbtok emulator stopped.\n"), serving.err::toString);
        assertFalse(serving.out.toString().contains("stopped"), "stdout has connection details only");
        assertPortClosed(host);
        assertNoEmulatorThreads();
    }

    @Test
    void should_print_the_details_as_json_with_output_json() throws Exception {
        serving = new Serving("emulator", "-o", "json");
        awaitTrue(() -> serving.out.toString().endsWith("}\n"), 10_000);

        JsonNode info = Json.mapper().readTree(serving.out.toString());

        assertTrue(info.get("host").asText().startsWith("http://127.0.0.1:"));
        assertEquals(3, info.get("accounts").size());
        JsonNode sp = info.get("accounts").get(2);
        assertEquals("11111111-2222-3333-4444-555555555555", sp.get("user_name").asText());
        assertEquals("service principal", sp.get("kind").asText());
        assertFalse(sp.get("admin").asBoolean());
        assertTrue(sp.get("token").asText().matches("dapi[0-9a-f]{32}"));
    }

    @Test
    void should_listen_on_the_port_asked_for() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }

        serving = new Serving("emulator", "--port", String.valueOf(port));

        Matcher export = EXPORT.matcher(serving.awaitOut(EXPORT));
        assertTrue(export.find());
        assertEquals(String.valueOf(port), export.group(2));
    }

    @Test
    void should_say_so_when_the_port_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThat(Dbtok.inHome(home).run("emulator", "--port", String.valueOf(port))).failedWith(1).outIsEmpty()
                    .errEquals("Error: cannot listen on 127.0.0.1:" + port + ": Address already in use;"
                            + " choose another --port, or --port 0 for a free one\n");
        }
    }
}
