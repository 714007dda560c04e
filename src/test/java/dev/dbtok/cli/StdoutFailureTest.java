package dev.dbtok.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtok.output.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stdout that cannot be written: never a silent success, never noise when the reader just left. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StdoutFailureTest {
    @TempDir
    Path home;

    private int run(OutputStream stdout, ByteArrayOutputStream stderr) {
        Services services = new Services(Map.of("HOME", home.toString()), Terminal.none(),
                new ByteArrayInputStream(new byte[0]), (config, log) -> {
                    throw new IllegalStateException("no requests in this test");
                });
        return Cli.run(new String[] {"--version"}, services, stdout, stderr);
    }

    @Test
    void should_fail_with_an_error_when_stdout_is_full() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = run(failing("No space left on device"), stderr);

        assertEquals(1, code);
        assertEquals("Error: cannot write to stdout: No space left on device\n", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void should_exit_quietly_like_sigpipe_when_the_reader_went_away() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = run(failing("Broken pipe"), stderr);

        assertEquals(141, code);
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void should_succeed_when_stdout_works() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        assertEquals(0, run(stdout, stderr));
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }

    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(reason);
            }
        };
    }
}
