package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtok.output.TextTable.Column;
import java.io.StringWriter;
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

    private static void assertSame(List<List<String>> rows) {
        StringWriter plain = new StringWriter();
        StringWriter tabbed = new StringWriter();
        TABLE.renderPlain(rows, plain);
        TABLE.renderTabbed(rows, tabbed, false);
        assertEquals(tabbed.toString(), plain.toString(), rows.toString());
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
