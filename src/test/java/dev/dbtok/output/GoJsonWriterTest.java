package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
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

        StringWriter out = new StringWriter();
        GoJsonWriter json = new GoJsonWriter(out);
        json.beginArray();
        values.forEach(json::value);
        json.endArray();
        json.newline();
        json.finish();

        assertEquals(JsonOutput.toJson(values), out.toString());
    }
}
