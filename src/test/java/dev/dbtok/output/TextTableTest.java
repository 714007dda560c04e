package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.TokenInfo;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Expected texts are what Go's tabwriter, configured as the official CLI configures it, prints for
 * the same cells. Trailing spaces are spelled out with {@code \s}, which text blocks keep.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TextTableTest {
    static final String ID = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";

    /** The {@code tokens list} table as commands.md describes it. */
    static final TextTable<PublicTokenInfo> TOKENS = TextTable.of(
            TextTable.Column.id("ID", PublicTokenInfo::tokenId),
            TextTable.Column.text("Expiry time", t -> String.valueOf(t.expiryTime() == null ? 0L : t.expiryTime())),
            TextTable.Column.text("Comment", PublicTokenInfo::comment));

    /** The {@code token-management list} table. */
    static final TextTable<TokenInfo> MANAGED_TOKENS = TextTable.of(
            TextTable.Column.id("ID", TokenInfo::tokenId),
            TextTable.Column.text("Created By", TokenInfo::createdByUsername),
            TextTable.Column.text("Comment", TokenInfo::comment));

    static PublicTokenInfo token(String id, Long expiry, String comment) {
        return new PublicTokenInfo(id, null, expiry, comment, null, null, null, null);
    }

    static TokenInfo managed(String id, String createdBy, String comment) {
        return new TokenInfo(id, null, null, comment, null, null, null, null, null, createdBy, null, null, null);
    }

    static <T> String render(TextTable<T> table, List<T> rows, boolean color) {
        StringWriter out = new StringWriter();
        table.render(rows, out, color);
        return out.toString();
    }

    @Test
    void should_print_the_spec_example_byte_for_byte() {
        assertEquals("""
                ID                                                                Expiry time  Comment
                5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c  -1           ci
                """, render(TOKENS, List.of(token(ID, -1L, "ci")), false));
    }

    @Test
    void should_pad_every_column_but_the_last_even_when_the_last_cell_is_empty() {
        assertEquals("""
                ID         Expiry time    Comment
                abc        -1            \s
                longer-id  1700000000000  x
                """, render(TOKENS, List.of(token("abc", -1L, ""), token("longer-id", 1700000000000L, "x")), false));
    }

    @Test
    void should_print_an_absent_cell_as_an_empty_one() {
        assertEquals("""
                ID   Expiry time  Comment
                abc  0           \s
                """, render(TOKENS, List.of(token("abc", null, null)), false));
    }

    @Test
    void should_print_the_header_line_only_for_an_empty_list() {
        assertEquals("ID  Expiry time  Comment\n", render(TOKENS, List.of(), false));
    }

    @Test
    void should_count_width_in_code_points() {
        assertEquals("""
                ID   Created By        Comment
                日本語  josé@example.com  😀
                ab   x                 c
                """, render(MANAGED_TOKENS, List.of(managed("日本語", "josé@example.com", "😀"), managed("ab", "x", "c")), false));
    }

    @Test
    void should_align_the_whole_table_at_once_not_every_twenty_rows() {
        List<PublicTokenInfo> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(token(i == 22 ? "a-much-longer-id" : "id" + i, -1L, "c"));
        }

        String out = render(TOKENS, rows, false);

        String[] lines = out.split("\n");
        assertEquals("ID                Expiry time  Comment", lines[0]);
        assertEquals("id0               -1           c", lines[1]);
        assertEquals("a-much-longer-id  -1           c", lines[23]);
        assertEquals("id24              -1           c", lines[25]);
    }

    @Test
    void should_colour_headers_ids_and_other_cells_with_padding_outside_the_codes() {
        String expected = ""
                + "\u001b[34mID\u001b[0m         \u001b[34mExpiry time\u001b[0m    \u001b[34mComment\u001b[0m\n"
                + "\u001b[32mabc\u001b[0m        \u001b[36m-1\u001b[0m             \u001b[36m\u001b[0m\n"
                + "\u001b[32mlonger-id\u001b[0m  \u001b[36m1700000000000\u001b[0m  \u001b[36mx\u001b[0m\n";

        assertEquals(expected, render(TOKENS, List.of(token("abc", -1L, ""), token("longer-id", 1700000000000L, "x")), true));
    }

    @Test
    void should_not_colour_by_default() {
        StringWriter out = new StringWriter();

        TOKENS.render(List.of(token("a", 1L, "b")), out);

        assertEquals("ID  Expiry time  Comment\na   1            b\n", out.toString());
    }

    @Test
    void should_split_a_comment_with_a_line_break_as_upstream_does() {
        // Go's tabwriter ends the row at the break; the rest of the comment is a line of one cell,
        // which also ends the column block, so the rows after it align on their own.
        assertEquals("""
                ID  Expiry time  Comment
                a   1            first
                second
                bb  2  c
                """, render(TOKENS, List.of(token("a", 1L, "first\nsecond"), token("bb", 2L, "c")), false));
    }

    @Test
    void should_split_a_comment_with_a_tab_into_one_more_column_as_upstream_does() {
        assertEquals("""
                ID  Expiry time  Comment
                a   1            x  y
                bb  2            c
                """, render(TOKENS, List.of(token("a", 1L, "x\ty"), token("bb", 2L, "c")), false));
    }

    @Test
    void should_replace_unpaired_surrogates_and_count_them_as_one() {
        assertEquals("""
                ID   Expiry time  Comment
                a\uFFFD   1            x\uFFFD
                abc  2            c
                """, render(TOKENS, List.of(token("a\ud83d", 1L, "x\udc00"), token("abc", 2L, "c")), false));
    }

    @Test
    void should_refuse_a_table_without_columns() {
        assertThrows(IllegalArgumentException.class, () -> TextTable.of(List.<TextTable.Column<String>>of()));
    }
}
