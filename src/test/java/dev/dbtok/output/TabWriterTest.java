package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Go's {@code text/tabwriter} rules, with expected texts taken from Go's
 * {@code tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)} on the same input.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TabWriterTest {

    static String tabwrite(String text) throws IOException {
        StringWriter out = new StringWriter();
        TabWriter tabs = new TabWriter(out, 2);
        tabs.text(text);
        tabs.flush();
        return out.toString();
    }

    @Test
    void columns_are_the_widest_cell_plus_two_and_the_last_cell_is_not_padded() throws IOException {
        assertEquals("""
                x             y
                longer  a  b  c
                """, tabwrite("x\t\t\ty\nlonger\ta\tb\tc\n"));
    }

    @Test
    void a_column_is_made_of_contiguous_lines_only() throws IOException {
        assertEquals("""
                ID  Created By  Comment
                a   b           c  d
                e   f           g
                h   i
                j
                k  l  m
                """, tabwrite("ID\tCreated By\tComment\na\tb\tc\td\ne\tf\tg\nh\ti\nj\nk\tl\tm\n"));
    }

    @Test
    void a_line_break_inside_a_row_splits_the_column_blocks() throws IOException {
        assertEquals("""
                ID   Created By  Comment
                id1  us
                er   comment
                id2  u2  c2
                id3  u3  c3
                """, tabwrite("ID\tCreated By\tComment\nid1\tus\ner\tcomment\nid2\tu2\tc2\nid3\tu3\tc3\n"));
    }

    @Test
    void a_form_feed_ends_all_columns_and_prints_as_a_newline() throws IOException {
        assertEquals("""
                A          B  C
                long-cell  b  c
                x  y  z
                q  w  e
                """, tabwrite("A\tB\tC\nlong-cell\tb\tc\fx\ty\tz\nq\tw\te\n"));
    }

    @Test
    void a_vertical_tab_ends_a_cell_like_a_tab() throws IOException {
        assertEquals("""
                A          B  C
                long-cell  b  c
                """, tabwrite("A\u000bB\tC\nlong-cell\tb\u000bc\n"));
    }

    @Test
    void an_empty_leading_cell_is_padded() throws IOException {
        assertEquals("""
                    indented
                ab  c
                """, tabwrite("\tindented\nab\tc\n"));
    }

    @Test
    void text_after_the_last_line_break_is_written_without_one() throws IOException {
        assertEquals("a    b\nccc  d", tabwrite("a\tb\nccc\td"));
    }

    @Test
    void codes_have_no_width_and_stay_before_the_padding() throws IOException {
        StringWriter out = new StringWriter();
        TabWriter tabs = new TabWriter(out, 2);
        tabs.code("<b>");
        tabs.text("ab");
        tabs.code("</b>");
        tabs.text("\tx\nabcd\ty\n");
        tabs.flush();

        assertEquals("<b>ab</b>    x\nabcd  y\n", out.toString());
    }
}
