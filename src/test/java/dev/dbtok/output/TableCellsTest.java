package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtok.output.TextTable.Column;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The compact table must print what the tabwriter port prints, for any cells. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableCellsTest {
    private static final String[] PIECES = {"a", "bc", "é", "日本", "😀", "\ud83d", " ", "", "x y", "<&>"};
    private static final String[] BREAKS = {"\t", "\u000b", "\n", "\f"};
    private static final TextTable<List<String>> TABLE = TextTable.of(
            Column.id("ID", row -> row.get(0)),
            Column.text("Created By", row -> row.get(1)),
            Column.text("Comment", row -> row.get(2)));

    @Test
    void should_print_what_the_tabwriter_prints_for_plain_cells() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            assertSame(rows(random, random.nextInt(40), false));
        }
    }

    @Test
    void should_print_what_the_tabwriter_prints_when_cells_hold_tabs_and_line_breaks() {
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            assertSame(rows(random, random.nextInt(40), true));
        }
    }

    @Test
    void should_print_a_one_column_table_unpadded() {
        TextTable<String> table = TextTable.of(Column.id("ID", row -> row));
        StringWriter plain = new StringWriter();
        table.renderPlain(List.of("a", "long one", ""), plain);

        assertEquals("ID\na\nlong one\n\n", plain.toString());
    }

    @Test
    void should_print_the_same_bytes_straight_to_a_byte_stream() {
        Random random = new Random(17);
        for (int round = 0; round < 50; round++) {
            List<List<String>> rows = rows(random, random.nextInt(40), round % 2 == 0);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringWriter tabbed = new StringWriter();
            TABLE.renderPlain(rows, new Utf8PrintWriter(bytes));
            TABLE.renderTabbed(rows, tabbed, false);
            assertEquals(tabbed.toString(), bytes.toString(StandardCharsets.UTF_8), rows.toString());
        }
    }

    @Test
    void should_print_tables_larger_than_a_chunk() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            rows.add(List.of("id" + i, i % 7 == 0 ? "日本" : "user" + i + "@example.com", "é".repeat(i % 13)));
        }
        // The last column is never padded: one long cell there does not widen the others.
        rows.add(List.of("big", "", "x".repeat(3 << 20)));
        rows.add(List.of("last", "", "😀"));

        assertSame(rows);
    }

    private static void assertSame(List<List<String>> rows) {
        StringWriter plain = new StringWriter();
        StringWriter tabbed = new StringWriter();
        TABLE.renderPlain(rows, plain);
        TABLE.renderTabbed(rows, tabbed, false);
        String expected = tabbed.toString();
        String actual = plain.toString();
        if (rows.size() < 100) {
            assertEquals(expected, actual, rows.toString());
        } else if (!expected.equals(actual)) {
            // Only where they part: the whole texts are too long for a message.
            int at = 0;
            while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 40);
            assertEquals(expected.substring(from, Math.min(expected.length(), at + 40)),
                    actual.substring(from, Math.min(actual.length(), at + 40)), "from char " + from);
        }
    }

    private static List<List<String>> rows(Random random, int n, boolean breaks) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                StringBuilder cell = new StringBuilder();
                int pieces = random.nextInt(5);
                for (int k = 0; k < pieces; k++) {
                    cell.append(breaks && random.nextInt(8) == 0
                            ? BREAKS[random.nextInt(BREAKS.length)] : PIECES[random.nextInt(PIECES.length)]);
                }
                row.add(random.nextInt(10) == 0 ? null : cell.toString());
            }
            rows.add(row);
        }
        return rows;
    }
}
