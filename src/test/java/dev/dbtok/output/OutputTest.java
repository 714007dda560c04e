package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtok.http.model.PublicTokenInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OutputTest {
    static final Terminal TTY = new Terminal(true, true, true, Map.of("TERM", "xterm"));

    static final List<PublicTokenInfo> TOKENS = List.of(
            TextTableTest.token("a", -1L, "first"),
            TextTableTest.token("bb", 1700000000000L, "second"),
            TextTableTest.token("ccc", 2L, "third"));

    static String printed(Consumer<PrintWriter> render) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        render.accept(out);
        return text.toString();
    }

    @Nested
    class Single_results {
        @ParameterizedTest
        @EnumSource(OutputFormat.class)
        void should_print_json_in_both_formats(OutputFormat format) {
            assertEquals("""
                    {
                      "enableTokensConfig": "true"
                    }
                    """, printed(out -> Output.render(format, Map.of("enableTokensConfig", "true"), out)));
        }
    }

    @Nested
    class Lists {
        @Test
        void should_print_the_table_in_text_mode() {
            assertEquals("""
                    ID   Expiry time    Comment
                    a    -1             first
                    bb   1700000000000  second
                    ccc  2              third
                    """, printed(out -> Output.renderList(OutputFormat.TEXT, TOKENS, TextTableTest.TOKENS, out, Terminal.none())));
        }

        @Test
        void should_colour_the_table_when_the_terminal_allows_it() {
            String expected = "\u001b[34mID\u001b[0m  \u001b[34mExpiry time\u001b[0m  \u001b[34mComment\u001b[0m\n"
                    + "\u001b[32ma\u001b[0m   \u001b[36m-1\u001b[0m           \u001b[36mfirst\u001b[0m\n";

            assertEquals(expected, printed(out -> Output.renderList(
                    OutputFormat.TEXT, TOKENS.subList(0, 1), TextTableTest.TOKENS, out, TTY)));
        }

        @Test
        void should_never_colour_json() {
            assertEquals("""
                    [
                      {
                        "comment": "first",
                        "expiry_time": -1,
                        "token_id": "a"
                      }
                    ]
                    """, printed(out -> Output.renderList(OutputFormat.JSON, TOKENS.subList(0, 1), TextTableTest.TOKENS, out, TTY)));
        }

        @Test
        void should_print_empty_brackets_for_an_empty_json_list() {
            assertEquals("[]\n", printed(out -> Output.renderList(OutputFormat.JSON, List.of(), TextTableTest.TOKENS, out, TTY)));
        }

        @Test
        void should_print_the_header_only_for_an_empty_text_list() {
            assertEquals("ID  Expiry time  Comment\n",
                    printed(out -> Output.renderList(OutputFormat.TEXT, List.of(), TextTableTest.TOKENS, out, Terminal.none())));
        }
    }

    @Nested
    class Limit {
        @Test
        void should_keep_the_first_n_items() {
            assertEquals(TOKENS.subList(0, 2), Output.limit(TOKENS, 2));
        }

        @Test
        void should_keep_everything_when_the_limit_is_not_positive_or_not_reached() {
            assertSame(TOKENS, Output.limit(TOKENS, 0));
            assertSame(TOKENS, Output.limit(TOKENS, -1));
            assertSame(TOKENS, Output.limit(TOKENS, 3));
            assertSame(TOKENS, Output.limit(TOKENS, 10));
        }

        @Test
        void should_apply_to_both_formats() {
            assertEquals("""
                    ID  Expiry time  Comment
                    a   -1           first
                    """, printed(out -> Output.renderList(OutputFormat.TEXT, Output.limit(TOKENS, 1), TextTableTest.TOKENS, out, Terminal.none())));
            assertEquals("""
                    [
                      {
                        "comment": "first",
                        "expiry_time": -1,
                        "token_id": "a"
                      }
                    ]
                    """, printed(out -> Output.renderList(OutputFormat.JSON, Output.limit(TOKENS, 1), TextTableTest.TOKENS, out, Terminal.none())));
        }
    }
}
