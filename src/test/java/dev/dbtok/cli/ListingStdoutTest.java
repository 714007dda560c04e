package dev.dbtok.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.output.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long listing through {@code main}'s wiring, where it prints encoded bytes straight to stdout's stream: the same
 * bytes as text would give, and stdout failures reported as for any other output.
 */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListingStdoutTest {
    private static final String[] ARGS_JSON = {"token-management", "list", "-o", "json"};
    private static final String[] ARGS_TEXT = {"token-management", "list"};

    @TempDir
    Path home;

    private Services services;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        StringBuilder body = new StringBuilder("{\"token_infos\": [");
        for (int i = 0; i < 20_000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"token_id\": \"t").append(i)
                    .append("\", \"comment\": \"é <").append(i).append(">\", \"creation_time\": ").append(1_700_000_000_000L + i)
                    .append(", \"created_by_username\": \"user").append(i % 7).append("@example.com\"}");
        }
        stubFor(get("/api/2.0/token-management/tokens").willReturn(okJson(body.append("]}").toString())));
        services = new Services(Map.of("HOME", home.toString(), "DATABRICKS_HOST", wm.getHttpBaseUrl(),
                "DATABRICKS_TOKEN", "dapi-test"), Terminal.none(), new ByteArrayInputStream(new byte[0]),
                DatabricksClient::create);
    }

    @Test
    void should_print_the_listing_as_text_output_would() {
        for (String[] args : new String[][] {ARGS_JSON, ARGS_TEXT}) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            assertEquals(0, Cli.run(args, services, stdout, stderr));

            String printed = stdout.toString(StandardCharsets.UTF_8);
            assertEquals("", stderr.toString(StandardCharsets.UTF_8));
            if (args == ARGS_JSON) {
                assertTrue(printed.startsWith("[\n  {\n    \"comment\": \"é \\u003c0\\u003e\",\n"), printed.substring(0, 60));
                assertTrue(printed.endsWith("    \"token_id\": \"t19999\"\n  }\n]\n"));
            } else {
                assertTrue(printed.startsWith("ID      Created By         Comment\nt0      user0@example.com  é <0>\n"),
                        printed.substring(0, 80));
                assertTrue(printed.endsWith("t19999  user0@example.com  é <19999>\n"));
            }
        }
    }

    @Test
    void should_fail_with_an_error_when_stdout_is_full() {
        for (String[] args : new String[][] {ARGS_JSON, ARGS_TEXT}) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            assertEquals(1, Cli.run(args, services, failing("No space left on device"), stderr));
            assertEquals("Error: cannot write to stdout: No space left on device\n", stderr.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void should_exit_quietly_like_sigpipe_when_the_reader_went_away() {
        for (String[] args : new String[][] {ARGS_JSON, ARGS_TEXT}) {
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();

            assertEquals(141, Cli.run(args, services, failing("Broken pipe"), stderr));
            assertEquals("", stderr.toString(StandardCharsets.UTF_8));
        }
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
