package dev.dbtok.cli.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.output.JsonOutput;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The field-by-field printer must give the shared mapper's bytes, for every field and every character. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicTokenInfoJsonTest {
    private static final String[] PIECES = {"a", "é", "日本", "😀", "\ud83d", "\ude00", "<", ">", "&", "\"", "\\", "/",
        "\u2028", "\u2029", "\u0000", "\u001f", "\b", "\f", "\n", "\r", "\t", "\u007f", " ", ""};

    @Test
    void should_print_what_the_mapper_prints_for_random_tokens() {
        Random random = new Random(7);
        List<PublicTokenInfo> tokens = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            tokens.add(random(random, i % 5 == 0));
        }
        tokens.add(null);
        tokens.add(new PublicTokenInfo(null, null, null, null, null, null, null, null));

        StringWriter out = new StringWriter();
        PublicTokenInfoJson.printArray(tokens, out);

        assertEquals(JsonOutput.toJson(tokens), out.toString());
    }

    @Test
    void should_print_an_empty_list_as_empty_brackets() {
        StringWriter out = new StringWriter();
        PublicTokenInfoJson.printArray(List.of(), out);

        assertEquals("[]\n", out.toString());
    }

    @Test
    void should_print_every_field_of_the_record() {
        // A field added to PublicTokenInfo and forgotten in PublicTokenInfoJson makes this fail.
        RecordComponent[] components = PublicTokenInfo.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            values[i] = type == String.class ? "s" + i : type == Long.class ? (Object) (long) i : List.of("v" + i);
        }
        PublicTokenInfo all = construct(values);
        StringWriter out = new StringWriter();
        PublicTokenInfoJson.printArray(List.of(all), out);

        assertEquals(JsonOutput.toJson(List.of(all)), out.toString());
    }

    private static PublicTokenInfo random(Random random, boolean sparse) {
        RecordComponent[] components = PublicTokenInfo.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            if (sparse && random.nextBoolean()) {
                continue;
            }
            Class<?> type = components[i].getType();
            if (type == String.class) {
                values[i] = text(random);
            } else if (type == Long.class) {
                values[i] = random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(1000) - 10;
            } else {
                List<String> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int j = 0; j < n; j++) {
                    list.add(random.nextInt(5) == 0 ? null : text(random));
                }
                values[i] = list;
            }
        }
        return construct(values);
    }

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static PublicTokenInfo construct(Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(PublicTokenInfo.class.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            return PublicTokenInfo.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
