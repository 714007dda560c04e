package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.json.JsonParsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A streamed {@code token-management list} reads a plain body with its fast path ({@link ListScanner},
 * {@link TokenInfoScan}) and hands anything else to Jackson's parser part-way. Whatever the body, and however it is
 * cut into network reads, the tokens, and the error with its position, must be those of Jackson reading it all.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListScannerTest {
    private static final Request LIST = new Request.Builder()
            .url("http://localhost/api/2.0/token-management/tokens").build();
    private static final String TOKEN = "{\"token_id\": \"%s\", \"creation_time\": 1700000000000, \"expiry_time\": -1,"
            + " \"comment\": \"nightly <etl> & reports\", \"created_by_id\": 202480738464078,"
            + " \"created_by_username\": \"user@example.com\", \"owner_id\": 7, \"workspace_id\": 1234567890123456}";

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " \n\t",
        "{}",
        "null",
        "[]",
        "{\"token_infos\": []}",
        "{\"token_infos\":[]}  trailing",
        "{\"token_infos\": null}",
        "{\"token_infos\": [null, {}]}",
        "{\"token_infos\": [{}, null]}",
        "{\"token_infos\": [{}, 1]}",
        "{\"token_infos\": [{}, ]}",
        "{\"token_infos\": [{}, {}x]}",
        "{\"token_infos\": [{}x]}",
        "{\"token_infos\": [{}]x",
        "{\"token_infos\": [{}], \"next\": 1}",
        "{\"token_infos\": [{}], \"token_infos\": [{\"token_id\": \"b\"}]}",
        "{\"other\": 1, \"token_infos\": [{\"token_id\": \"a\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"}, {\"token_id\": \"b\\\"c\"}, {\"token_id\": \"d\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"}, {\"token_id\": \"b\"\r}, {\"token_id\": \"d\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"},\n {\"token_id\": \"é日本😀\"},\n {\"token_id\": 5}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"},\n {\"token_id\": \"\u0080\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"},\n {\"creation_time\": \"soon\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"},\n   {\"creation_time\": 1.5}]}",
        "{\"token_infos\": [{\"creation_time\": 123456789012345678}, {\"creation_time\": 1234567890123456789}]}",
        "{\"token_infos\": [{\"creation_time\": 9223372036854775807}, {\"expiry_time\": 99999999999999999999}]}",
        "{\"token_infos\": [{\"creation_time\": -0}, {\"creation_time\": 01}]}",
        "{\"token_infos\": [{\"creation_time\": -}]}",
        "{\"token_infos\": [{\"creation_time\": 01, \"comment\": \"with bytes enough after the number\"}]}",
        "{\"token_infos\": [{\"creation_time\": 1e3}]}",
        "{\"token_infos\": [{\"creation_time\": 12abc}]}",
        "{\"token_infos\": [{\"scopes\": [\"a\", \"b\"], \"inferred_scopes\": [], \"backfill_scopes\": null}]}",
        "{\"token_infos\": [{\"scopes\": [\"a\", null]}, {\"scopes\": [\"a\",]}]}",
        "{\"token_infos\": [{\"extra\": \"x\", \"flag\": true, \"off\": false, \"none\": null, \"n\": -3}]}",
        "{\"token_infos\": [{\"extra\": {\"deep\": [1]}, \"token_id\": \"a\"}]}",
        "{\"token_infos\": [{\"extra\": tru}]}",
        "{\"token_infos\": [{\"token_id\": \"a\", \"token_id\": \"b\", \"comment\": null}]}",
        "{\"token_infos\": [{\"token\\u005fid\": \"a\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\" \"comment\": \"b\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\",}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"}",
        "{\"token_infos\": [{\"token_id\": \"a\"}]",
        "{\"token_infos\": [{\"token_id\": \"a",
        "{\"token_infos\": [{\"token_id\": \"a\"}, {\"token_id\": \"b\t\"}]}",
        "\uFEFF{\"token_infos\": [{\"token_id\": \"a\"}]}",
    })
    void should_decode_and_fail_as_jackson_does(String body) {
        assertSame(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes that are not well-formed UTF-8 (overlong forms, surrogates, stray continuation bytes) and some that are. */
    @Test
    void should_decode_and_fail_as_jackson_does_on_any_utf8() {
        int[][] sequences = {
            {0xc3, 0xa9}, {0xe6, 0x97, 0xa5}, {0xf0, 0x9f, 0x98, 0x80}, {0xf4, 0x8f, 0xbf, 0xbf}, {0xe2, 0x80, 0xa8},
            {0xc0, 0x80}, {0xc1, 0xbf}, {0xe0, 0x80, 0x80}, {0xe0, 0x9f, 0xbf}, {0xed, 0xa0, 0x80}, {0xed, 0xbf, 0xbf},
            {0xf0, 0x80, 0x80, 0x80}, {0xf0, 0x8f, 0xbf, 0xbf}, {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80, 0x80, 0x80},
            {0x80}, {0xbf}, {0xc3}, {0xc3, 0x28}, {0xe6, 0x97}, {0xf0, 0x9f, 0x98}, {0xff}, {0x7f},
        };
        for (int[] sequence : sequences) {
            byte[] head = "{\"token_infos\": [{\"token_id\": \"a\"}, {\"comment\": \"x".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "y\"}, {\"token_id\": \"b\"}]}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + sequence.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            for (int i = 0; i < sequence.length; i++) {
                body[head.length + i] = (byte) sequence[i];
            }
            System.arraycopy(tail, 0, body, head.length + sequence.length, tail.length);
            assertSame(body);
        }
    }

    /**
     * A body that breaks off right after a byte Jackson already refuses (or a value it already takes): the scanner must
     * not wait for bytes Jackson does not need, which a broken connection never delivers.
     */
    @Test
    void should_fail_where_jackson_fails_when_the_connection_breaks_right_after() {
        int[][] tails = {{}, {0xe6, '('}, {0xf0, '('}, {0xe6, 0x97, '('}};
        for (String head : new String[] {"{\"token_infos\": [{\"token_id\": \"a\"}, {\"token_id\": 5}",
            "{\"token_infos\": [{\"comment\": n}", "{\"token_infos\": [{\"x\": tx}", "{\"token_infos\": [{\"x\": nul}",
            "{\"token_infos\": [{\"creation_time\": 01", "{\"token_infos\": [{\"creation_time\": -00",
            "{\"token_infos\": [{\"creation_time\": 1234567890123456789"}) {
            assertSameWhenBrokenAtTheEnd(head.getBytes(StandardCharsets.UTF_8));
        }
        for (int[] tail : tails) {
            byte[] head = "{\"token_infos\": [{\"comment\": \"".getBytes(StandardCharsets.UTF_8);
            byte[] body = java.util.Arrays.copyOf(head, head.length + tail.length);
            for (int i = 0; i < tail.length; i++) {
                body[head.length + i] = (byte) tail[i];
            }
            assertSameWhenBrokenAtTheEnd(body);
        }
    }

    private static void assertSameWhenBrokenAtTheEnd(byte[] body) {
        for (int chunk : new int[] {1, 8192}) {
            Outcome jackson = decode(body, false, chunk, body.length);
            assertEquals(jackson, decode(body, true, chunk, body.length), new String(body, StandardCharsets.UTF_8));
            assertEquals(jackson, decodeScanned(body, chunk, body.length), new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Whitespace or a skipped value longer than what the scanner keeps is left to Jackson, which does not hold it. */
    @Test
    void should_leave_a_flood_of_whitespace_to_jackson() {
        String body = "{\"token_infos\": [{\"token_id\": \"a\"}" + " ".repeat(5_000_000) + ", {\"x\": \""
                + "y".repeat(900_000) + "\", \"token_id\": \"b\"}]}";
        assertSame(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Jackson refuses strings of more than 20 million characters and names of more than 50 000 bytes. */
    @Test
    void should_leave_very_long_strings_and_names_to_jackson() {
        String longName = "n".repeat(60_000);
        String longValue = "v".repeat(21_000_000);
        assertSame(("{\"token_infos\": [{\"token_id\": \"a\"}, {\"" + longName + "\": 1}]}").getBytes(StandardCharsets.UTF_8));
        byte[] body = ("{\"token_infos\": [{\"token_id\": \"a\"}, {\"comment\": \"" + longValue + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        Outcome jackson = decode(body, false, 1 << 16);
        assertTrue(jackson.error() != null && jackson.tokens().size() == 1, String.valueOf(jackson.error()));
        assertEquals(jackson, decode(body, true, 1 << 16));
        assertEquals(jackson, decodeScanned(body, 1 << 16, -1));
    }

    @Test
    void should_place_an_error_after_the_hand_off_where_it_is_in_the_body() {
        String body = "{\"token_infos\": [{\"token_id\": \"a\"},\n  {\"token_id\": \"b\"}, {\"creation_time\": \"soon\"}]}";

        Outcome outcome = decode(body.getBytes(StandardCharsets.UTF_8), true, 1 << 20);

        assertEquals(decode(body.getBytes(StandardCharsets.UTF_8), false, 1 << 20), outcome);
        assertEquals(2, outcome.tokens().size());
        assertEquals("ResponseDecodeException: Get \"http://localhost/api/2.0/token-management/tokens\": cannot decode the response: unexpected"
                + " value at token_infos[2].creation_time (line 2, column 40)", outcome.error());
    }

    @Test
    void should_read_a_long_plain_listing_on_the_fast_path_alone() throws IOException {
        byte[] body = listing(3000, -1, "");
        try (Listing<TokenInfo> listing = open(body, true, 97)) {
            int n = 0;
            for (TokenInfo token : listing) {
                assertEquals("t" + n, token.tokenId());
                n++;
            }
            assertEquals(3000, n);
        }
        assertSame(body);
    }

    @Test
    void should_hand_off_a_long_listing_at_the_first_item_it_declines() {
        for (String odd : new String[] {"{\"token_id\": \"\\u00e9\"}", "{\"extra\": [1]}", "{\"comment\": 5}", "null"}) {
            assertSame(listing(3000, 1234, odd));
        }
    }

    @Test
    void should_fail_as_jackson_does_when_the_connection_breaks_mid_body() {
        byte[] body = listing(500, -1, "");
        for (int breakAt : new int[] {0, 5, 17, 18, 100, body.length / 2, body.length - 3, body.length - 1}) {
            Outcome fast = decode(body, true, 61, breakAt);
            Outcome jackson = decode(body, false, 61, breakAt);
            assertEquals(jackson, fast, "connection broken at byte " + breakAt);
            assertEquals(jackson, decodeScanned(body, 61, breakAt), "scanned, connection broken at byte " + breakAt);
            assertTrue(fast.error().endsWith("connection reset by peer"), fast.error());
        }
    }

    /** Random damage to plain and odd bodies: bytes replaced, inserted, removed, or the body cut short. */
    @Test
    void should_decode_and_fail_as_jackson_does_on_damaged_bodies() {
        Random random = new Random(20261204);
        byte[] alphabet = "{}[]\",:\\ \n\r\t0123456789-+.eEnultrfasxé\u2028\u0001".getBytes(StandardCharsets.UTF_8);
        List<byte[]> bases = List.of(listing(6, -1, ""), listing(6, 3, "{\"scopes\": [\"a\", \"b\"], \"x\": null}"),
                ("{\"token_infos\": [{\"token_id\": \"é\", \"last_used_day\": 0},\n{\"comment\": null, \"owner_id\": -12},"
                        + " {}\n]}").getBytes(StandardCharsets.UTF_8));
        for (int round = 0; round < 4000; round++) {
            byte[] base = bases.get(random.nextInt(bases.size()));
            byte[] damaged = damage(base, random, alphabet);
            int chunk = 1 + random.nextInt(40);
            Outcome fast = decode(damaged, true, chunk);
            Outcome jackson = decode(damaged, false, chunk);
            assertEquals(jackson, fast, () -> "body: " + new String(damaged, StandardCharsets.UTF_8));
            assertEquals(jackson, decodeScanned(damaged, chunk, -1), () -> "scanned: " + new String(damaged, StandardCharsets.UTF_8));
        }
    }

    @Test
    void should_take_the_fast_path_for_the_usual_listing() throws IOException {
        ListScanner<TokenInfo> scanner = new ListScanner<>(new java.io.ByteArrayInputStream(listing(3, -1, "")),
                "token_infos", TokenInfoScan::read);

        assertTrue(scanner.begin());
        for (int i = 0; i < 3; i++) {
            assertEquals("t" + i, scanner.next().tokenId());
        }
        assertEquals(null, scanner.next());
        assertFalse(new ListScanner<>(InputStream.nullInputStream(), "token_infos", TokenInfoScan::read).begin());
    }

    private static byte[] damage(byte[] base, Random random, byte[] alphabet) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : base) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !bytes.isEmpty(); i++) {
            int at = random.nextInt(bytes.size());
            byte b = alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(4)) {
                case 0 -> bytes.set(at, b);
                case 1 -> bytes.add(at, b);
                case 2 -> bytes.remove(at);
                default -> bytes.subList(at, bytes.size()).clear();
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    /** {@code n} plain tokens ({@code t0}, {@code t1}, ...), the one at {@code oddAt} replaced by {@code odd}. */
    private static byte[] listing(int n, int oddAt, String odd) {
        StringBuilder b = new StringBuilder("{\"token_infos\": [");
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ",\n  " : "").append(i == oddAt ? odd : String.format(TOKEN, "t" + i));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertSame(byte[] body) {
        for (int chunk : new int[] {1, 7, 8192}) {
            Outcome jackson = decode(body, false, chunk);
            assertEquals(jackson, decode(body, true, chunk), "network reads of " + chunk + " bytes");
            assertEquals(jackson, decodeScanned(body, chunk, -1), "scanned tokens, network reads of " + chunk + " bytes");
        }
    }

    /**
     * The outcome of the listing that {@code -o json} reads, whose plain tokens are {@link ScannedToken}s: each is
     * decoded here from the JSON it holds (what it prints is compared in {@code ScannedTokenJsonTest}).
     */
    private static Outcome decodeScanned(byte[] body, int chunk, int breakAt) {
        List<TokenInfo> tokens = new ArrayList<>();
        try (Listing<Object> listing = Listing.open(LIST, response(body, chunk, breakAt), "token_infos", TokenInfo.class,
                TokenInfoReader::read, TokenInfoReader::readWhole, ScannedToken::read)) {
            for (Object token : listing) {
                tokens.add(token instanceof ScannedToken scanned ? fromJson(scanned.json()) : (TokenInfo) token);
            }
            return new Outcome(tokens, null);
        } catch (DatabricksException e) {
            return new Outcome(tokens, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static TokenInfo fromJson(byte[] json) {
        try (JsonParser parser = JsonParsers.of(json)) {
            parser.nextToken();
            TokenInfo token = TokenInfoReader.read(parser);
            assertEquals(null, parser.nextToken(), "a scanned token holds one JSON object");
            return token;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    record Outcome(List<TokenInfo> tokens, String error) {
    }

    private static Outcome decode(byte[] body, boolean fast, int chunk) {
        return decode(body, fast, chunk, -1);
    }

    /** The tokens read and the error met, if any; the body arrives {@code chunk} bytes at a time, and breaks at {@code breakAt}. */
    private static Outcome decode(byte[] body, boolean fast, int chunk, int breakAt) {
        List<TokenInfo> tokens = new ArrayList<>();
        try (Listing<TokenInfo> listing = open(body, fast, chunk, breakAt)) {
            for (TokenInfo token : listing) {
                tokens.add(token);
            }
            return new Outcome(tokens, null);
        } catch (DatabricksException e) {
            return new Outcome(tokens, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Listing<TokenInfo> open(byte[] body, boolean fast, int chunk) {
        return open(body, fast, chunk, -1);
    }

    private static Listing<TokenInfo> open(byte[] body, boolean fast, int chunk, int breakAt) {
        return Listing.open(LIST, response(body, chunk, breakAt), "token_infos", TokenInfo.class, TokenInfoReader::read,
                TokenInfoReader::readWhole, fast ? TokenInfoScan::read : null);
    }

    private static Response response(byte[] body, int chunk, int breakAt) {
        InputStream network = new Network(body, chunk, breakAt);
        ResponseBody responseBody = ResponseBody.create(Okio.buffer(Okio.source(network)),
                MediaType.get("application/json"), -1);
        return new Response.Builder().request(LIST).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(responseBody).build();
    }

    /** A body arriving {@code chunk} bytes per read, whose connection breaks after {@code breakAt} bytes (-1: never). */
    private static final class Network extends InputStream {
        private final byte[] body;
        private final int chunk;
        private final int breakAt;
        private int pos;

        Network(byte[] body, int chunk, int breakAt) {
            this.body = body;
            this.chunk = chunk;
            this.breakAt = breakAt;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int limit = breakAt >= 0 ? breakAt : body.length;
            if (pos >= limit) {
                if (breakAt >= 0) {
                    throw new java.net.SocketException("connection reset");
                }
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), limit - pos);
            System.arraycopy(body, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
