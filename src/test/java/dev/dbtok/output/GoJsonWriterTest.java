package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The token writer must print {@link JsonOutput}'s bytes, also for strings that straddle its buffer's end. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoJsonWriterTest {
    private static final String[] PIECES = {"plain text ", "é", "日本", "😀", "\ud83d", "\ude00", "<", ">", "&", "\"",
        "\\", "\u2028", "\u0000", "\n", "\t", "\u007f", "x", ""};

    @Test
    void should_print_what_the_mapper_prints_across_several_buffers() {
        List<String> values = randomValues();

        StringWriter out = new StringWriter();
        print(values, new GoJsonWriter(out));

        assertEquals(JsonOutput.toJson(values), out.toString());
    }

    @Test
    void should_print_the_same_bytes_straight_to_a_byte_stream() {
        List<String> values = randomValues();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8PrintWriter stdout = new Utf8PrintWriter(bytes);

        print(values, new GoJsonWriter(stdout));

        assertArrayEquals(JsonOutput.toJson(values).getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void should_print_numbers_as_the_mapper_does() {
        List<Long> values = new ArrayList<>(List.of(0L, -1L, 1L, 9L, 10L, 99L, 100L, 101L, 999_999_999L, 1_000_000_000L,
                1_000_000_001L, 1_700_000_000_000L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_000_000L, (long) Integer.MAX_VALUE,
                Integer.MAX_VALUE + 1L, (long) Integer.MIN_VALUE));
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        StringWriter out = new StringWriter();
        GoJsonWriter json = new GoJsonWriter(out);
        json.beginArray();
        values.forEach(json::value);
        json.endArray();
        json.newline();
        json.finish();

        assertEquals(JsonOutput.toJson(values), out.toString());
    }

    @Test
    void should_print_nothing_when_abandoned_within_the_first_mib() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GoJsonWriter json = new GoJsonWriter(new Utf8PrintWriter(bytes));
        json.beginArray();
        // Fewer characters than held bytes, but more bytes: "é" is two of them.
        for (int i = 0; i < GoJsonWriter.HOLD / 16 - 1; i++) {
            json.value("ééé");
        }
        json.abandon();

        assertEquals(0, bytes.size());
    }

    @Test
    void should_keep_what_was_complete_when_abandoned_after_the_first_mib() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GoJsonWriter json = new GoJsonWriter(new Utf8PrintWriter(bytes));
        json.beginArray();
        int n = GoJsonWriter.HOLD / 8;
        for (int i = 0; i < n; i++) {
            json.value("ééé");
        }
        json.abandon();

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("[\n  \"ééé\",\n"), printed.substring(0, 20));
        assertTrue(printed.endsWith(",\n  \"ééé\""), printed.substring(printed.length() - 20));
        assertEquals(n, printed.split("ééé", -1).length - 1);
    }

    @Test
    void should_leave_the_failure_to_the_stream_owner_as_a_print_writer_does() {
        Utf8PrintWriter stdout = new Utf8PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        GoJsonWriter json = new GoJsonWriter(stdout);
        json.beginArray();
        json.value("x");
        json.endArray();
        json.newline();
        json.finish();

        assertTrue(stdout.checkError());
    }

    private static void print(List<String> values, GoJsonWriter json) {
        json.beginArray();
        values.forEach(json::value);
        json.endArray();
        json.newline();
        json.finish();
    }

    private static List<String> randomValues() {
        Random random = new Random(5);
        List<String> values = new ArrayList<>();
        int chars = 0;
        while (chars < 3 * GoJsonWriter.HOLD) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            values.add(b.toString());
            chars += b.length() + 8;
        }
        // One string longer than the buffer itself.
        values.add("long <&> ".repeat(GoJsonWriter.HOLD / 4));
        values.add("é日😀".repeat(GoJsonWriter.HOLD / 3));
        return values;
    }
}
