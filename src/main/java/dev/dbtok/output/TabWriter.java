package dev.dbtok.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A port of Go's {@code text/tabwriter} as the official CLI configures it:
 * {@code NewWriter(out, 0, 4, 2, ' ', 0)} (minwidth 0, padding 2, space padding, no flags).
 *
 * <p>Porting the algorithm rather than padding a grid keeps the output equal to Go's even for cells
 * that hold tabs or line breaks: {@code \t} and {@code \v} end a cell, {@code \n} and {@code \f} end
 * a line, tab-terminated cells of contiguous lines form a column, and the last cell of a line is
 * never padded. Widths are counted in code points, as Go counts runes.
 *
 * <p>One addition: {@link #code} text (ANSI colours) is written but has no width, so that padding is
 * computed on the visible text. Go counts the codes; with the same code length on every cell of a
 * column, as {@link TextTable} writes them, both give the same bytes.
 */
final class TabWriter {
    private record Cell(String text, int width) {
    }

    private static final String SPACES = " ".repeat(64);

    private final Writer out;
    private final int padding;

    /** Buffered lines; the last one is the line being written, as in Go. */
    private final List<List<Cell>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private int cellWidth;

    TabWriter(Writer out, int padding) {
        this.out = out;
        this.padding = padding;
        lines.add(new ArrayList<>());
    }

    /** Appends visible text; tabs and line breaks in it end cells and lines. */
    void text(String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\t', 0x0B -> terminateCell();
                case '\n', '\f' -> {
                    int cells = terminateCell();
                    lines.add(new ArrayList<>());
                    // Go flushes here: a form feed ends all columns, and a line of one cell cannot
                    // affect the alignment of the lines after it.
                    if (cp == '\f' || cells == 1) {
                        flush();
                    }
                }
                default -> {
                    cell.appendCodePoint(cp);
                    cellWidth++;
                }
            }
        }
    }

    /** Appends text of no width (a colour code) to the current cell. */
    void code(String code) {
        cell.append(code);
    }

    /** Aligns and writes everything buffered. */
    void flush() throws IOException {
        if (cell.length() > 0) {
            terminateCell();
        }
        format(0, lines.size());
        lines.clear();
        lines.add(new ArrayList<>());
        widths.clear();
    }

    private int terminateCell() {
        List<Cell> line = lines.get(lines.size() - 1);
        line.add(new Cell(cell.toString(), cellWidth));
        cell.setLength(0);
        cellWidth = 0;
        return line.size();
    }

    /** Go's {@code format}: finds the column blocks of column {@code widths.size()}, recursively. */
    private void format(int line0, int line1) throws IOException {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            // A cell in this column starts a block: print the lines before it.
            writeLines(line0, current);
            line0 = current;
            int width = 0;
            for (; current < line1; current++) {
                List<Cell> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, line.get(column).width() + padding);
            }
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current;
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) throws IOException {
        for (int i = line0; i < line1; i++) {
            List<Cell> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                Cell c = line.get(j);
                out.write(c.text());
                if (j < widths.size()) {
                    pad(widths.get(j) - c.width());
                }
            }
            // The last buffered line has no line break yet.
            if (i + 1 < lines.size()) {
                out.write('\n');
            }
        }
    }

    private void pad(int n) throws IOException {
        for (; n > SPACES.length(); n -= SPACES.length()) {
            out.write(SPACES);
        }
        out.write(SPACES, 0, n);
    }
}
