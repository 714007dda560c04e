package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtok.output.TextTable.Column;
import dev.dbtok.output.TextTable.Span;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Cells made of pieces in different colours, e.g. a green name followed by a plain marker. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TextTableSpansTest {
    record Row(String name, boolean marked) {
    }

    static final TextTable<Row> TABLE = TextTable.of(
            Column.spans("Name", r -> r.marked() ? List.of(Span.green(r.name()), Span.plain(" (x)")) : List.of(Span.green(r.name()))),
            Column.spans("Ok", r -> List.of(r.marked() ? Span.green("YES") : Span.red("NO"))));

    @Test
    void should_align_on_the_whole_text_of_the_pieces() {
        StringWriter out = new StringWriter();

        TABLE.render(List.of(new Row("a", true), new Row("bbbb", false)), out);

        assertEquals("Name   Ok\na (x)  YES\nbbbb   NO\n", out.toString());
    }

    @Test
    void should_colour_each_piece_and_pad_outside_the_codes() {
        StringWriter out = new StringWriter();

        TABLE.render(List.of(new Row("a", true)), out, true);

        assertEquals("\u001b[34mName\u001b[0m   \u001b[34mOk\u001b[0m\n"
                + "\u001b[32ma\u001b[0m (x)  \u001b[32mYES\u001b[0m\n", out.toString());
    }
}
