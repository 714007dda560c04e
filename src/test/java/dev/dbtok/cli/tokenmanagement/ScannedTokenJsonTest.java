package dev.dbtok.cli.tokenmanagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.dbtok.config.ConfigResolver;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.http.Listing;
import dev.dbtok.http.ScannedToken;
import dev.dbtok.http.model.ListTokensResponse;
import dev.dbtok.json.Json;
import dev.dbtok.output.JsonOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code token-management list -o json} prints plain tokens from the JSON they arrived in ({@link ScannedToken}):
 * the bytes must be those of the shared mapper decoding the body and its Go-compatible printer printing the tokens,
 * for every field, character and number, with tokens that are not plain (decoded) mixed in.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScannedTokenJsonTest {
    /** Pieces of strings that need no escape in JSON; some of them Go escapes, some look like what it escapes. */
    private static final String[] PIECES = {"a", "Z", "é", "日本", "😀", "<", ">", "&", "/", "'", " ", "\u007f",
        "\u2028", "\u2029", "\u2027", "\u202a", "€", "\u00e2\u0080", "nightly job #12", ""};
    private static final String[] STRING_FIELDS = {"token_id", "comment", "created_by_username", "autoscope_state"};
    private static final String[] NUMBER_FIELDS = {"creation_time", "expiry_time", "created_by_id", "owner_id",
        "workspace_id", "last_used_day"};
    private static final String[] LIST_FIELDS = {"scopes", "inferred_scopes", "backfill_scopes"};

    @TempDir
    Path home;

    private HttpServer server;
    private volatile byte[] body;
    private DatabricksClient client;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/2.0/token-management/tokens", exchange -> {
            byte[] bytes = body;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        String host = "http://127.0.0.1:" + server.getAddress().getPort();
        client = DatabricksClient.create(ConfigResolver.resolve(null, Map.of("HOME", home.toString(),
                "DATABRICKS_HOST", host, "DATABRICKS_TOKEN", "dapi-test")));
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void should_print_what_the_mapper_prints_for_random_plain_tokens() throws IOException {
        Random random = new Random(4);
        for (int round = 0; round < 200; round++) {
            StringBuilder json = new StringBuilder("{\"token_infos\": [");
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                json.append(i > 0 ? (random.nextBoolean() ? ",\n  " : ",") : "");
                token(json, random);
            }
            assertPrintedAsTheMapperPrints(json.append("]}").toString());
        }
    }

    @Test
    void should_print_what_the_mapper_prints_when_the_listing_is_handed_off_part_way() throws IOException {
        assertPrintedAsTheMapperPrints("{\"token_infos\": [{\"token_id\": \"a\", \"comment\": \"x <y>\"},"
                + " {\"token_id\": \"b\\u00e9\", \"creation_time\": 1.5}, {\"token_id\": \"c\", \"owner_id\": -0}]}");
        assertPrintedAsTheMapperPrints("{\"token_infos\": [{\"scopes\": [\"a\", \"<b>\"], \"expiry_time\": -0},"
                + " null, {}]}");
    }

    @Test
    void should_print_plain_tokens_as_scanned_ones() throws IOException {
        body = "{\"token_infos\": [{\"token_id\": \"a\"}, {\"token_id\": \"b\"}]}".getBytes(StandardCharsets.UTF_8);
        try (Listing<Object> tokens = client.streamTokenManagementJson(null, null)) {
            for (Object token : tokens) {
                assertTrue(token instanceof ScannedToken, String.valueOf(token));
            }
        }
    }

    private void assertPrintedAsTheMapperPrints(String json) throws IOException {
        body = json.getBytes(StandardCharsets.UTF_8);
        ListTokensResponse decoded = Json.mapper().readValue(body, ListTokensResponse.class);
        StringWriter out = new StringWriter();
        try (Listing<Object> tokens = client.streamTokenManagementJson(null, null)) {
            TokenInfoJson.printArray(tokens, out);
        }
        assertEquals(JsonOutput.toJson(decoded.tokenInfos()), out.toString(), json);
    }

    /** A plain token: fields in any order, some absent or null, some twice, some unknown. */
    private static void token(StringBuilder json, Random random) {
        json.append('{');
        int fields = random.nextInt(10);
        for (int i = 0; i < fields; i++) {
            json.append(i > 0 ? ", " : "");
            switch (random.nextInt(4)) {
                case 0 -> json.append('"').append(pick(STRING_FIELDS, random)).append("\": ").append(string(random));
                case 1 -> json.append('"').append(pick(NUMBER_FIELDS, random)).append("\": ").append(number(random));
                case 2 -> json.append('"').append(pick(LIST_FIELDS, random)).append("\": ").append(list(random));
                default -> json.append("\"unknown\": ").append(random.nextBoolean() ? string(random) : "true");
            }
        }
        json.append('}');
    }

    private static String string(Random random) {
        if (random.nextInt(8) == 0) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            b.append(pick(PIECES, random));
        }
        return b.append('"').toString();
    }

    private static String number(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "null";
            case 1 -> "-0";
            case 2 -> Long.toString(random.nextLong() / 10); // up to 18 digits
            default -> Long.toString(random.nextInt(2000) - 1000);
        };
    }

    private static String list(Random random) {
        if (random.nextInt(5) == 0) {
            return "null";
        }
        StringBuilder b = new StringBuilder("[");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(random.nextInt(10) == 0 ? "null" : string(random));
        }
        return b.append(']').toString();
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
