package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnpairedSurrogatesTest {
    static final String EMOJI = "\ud83d\ude00";

    @Test
    void should_keep_a_string_without_unpaired_surrogates() {
        String s = "a" + EMOJI + "é";

        assertSame(s, UnpairedSurrogates.replace(s));
    }

    @Test
    void should_replace_lone_high_and_low_surrogates() {
        assertEquals("\uFFFDa\uFFFD" + EMOJI + "\uFFFD", UnpairedSurrogates.replace("\ud83da\ude00" + EMOJI + "\ud83d"));
    }

    @Test
    void should_keep_a_pair_split_across_two_writes() throws IOException {
        StringWriter target = new StringWriter();
        Writer out = UnpairedSurrogates.replacing(target);

        out.write("a\ud83d");
        out.write("\ude00b");
        out.flush();

        assertEquals("a" + EMOJI + "b", target.toString());
    }

    @Test
    void should_replace_a_high_surrogate_left_at_a_write_boundary_or_at_the_end() throws IOException {
        StringWriter target = new StringWriter();
        Writer out = UnpairedSurrogates.replacing(target);

        out.write("a\ud83d");
        out.write("b\ud83d");
        out.flush();

        assertEquals("a\uFFFDb\uFFFD", target.toString());
    }

    @Test
    void should_replace_in_the_middle_of_a_write() throws IOException {
        StringWriter target = new StringWriter();
        Writer out = UnpairedSurrogates.replacing(target);

        out.write("x\udc00y\ud83dz" + EMOJI);
        out.flush();

        assertEquals("x\uFFFDy\uFFFDz" + EMOJI, target.toString());
    }
}
