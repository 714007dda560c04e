package dev.dbtok.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of an uncoloured table, held compactly until the last row is in (the widths are those of the whole
 * table): the characters of all cells in chunks of about a MiB, and each cell's length. 100 000 token rows take
 * about 10 MB, instead of the lists of cell objects {@link TabWriter} keeps.
 *
 * <p>When every line has the same number of cells and no cell holds a tab, vertical tab, line break or form feed,
 * Go's tabwriter pads every column but the last to its widest cell plus the padding, and this class writes exactly
 * that. Otherwise it replays the cells through {@link TabWriter}, which implements the general rules.
 */
final class TableCells {
    private static final int CHUNK = 1 << 20;

    private final int columns;
    private final int padding;
    private final int[] widest;
    private final List<StringBuilder> chunks = new ArrayList<>();
    private StringBuilder chunk;
    private int[] lengths = new int[1024];
    private int[] widths = new int[1024];
    private int cells;
    private boolean irregular;

    TableCells(int columns, int padding) {
        this.columns = columns;
        this.padding = padding;
        this.widest = new int[columns];
        newChunk();
    }

    /** Adds the next cell, row after row; {@code null} is an empty cell. */
    void add(String text) {
        String cell = text == null ? "" : text;
        int n = cell.length();
        int width = n;
        boolean surrogates = false;
        for (int i = 0; i < n; i++) {
            char c = cell.charAt(i);
            if (c < 0x20) {
                irregular |= c == '\t' || c == 0x0B || c == '\n' || c == '\f';
            } else if (Character.isSurrogate(c)) {
                surrogates = true;
            }
        }
        if (surrogates) {
            // Rare: repaired, then one column per code point, as Go counts runes.
            cell = UnpairedSurrogates.replace(cell);
            n = cell.length();
            width = cell.codePointCount(0, n);
        }
        if (chunk.length() + n > CHUNK && chunk.length() > 0) {
            newChunk();
        }
        chunk.append(cell);
        if (cells == lengths.length) {
            lengths = Arrays.copyOf(lengths, cells * 2);
            widths = Arrays.copyOf(widths, cells * 2);
        }
        lengths[cells] = n;
        widths[cells] = width;
        int column = cells % columns;
        widest[column] = Math.max(widest[column], width);
        cells++;
    }

    /** Writes the table; {@code out} is not flushed. */
    void writeTo(Writer out) throws IOException {
        if (irregular || cells % columns != 0) {
            replay(out);
            return;
        }
        char[] buf = new char[1 << 16];
        int len = 0;
        int chunkIndex = 0;
        int offset = 0;
        StringBuilder current = chunks.get(0);
        for (int i = 0; i < cells; i++) {
            int n = lengths[i];
            if (offset + n > current.length()) {
                current = chunks.get(++chunkIndex);
                offset = 0;
            }
            int column = i % columns;
            int pad = column == columns - 1 ? 0 : widest[column] + padding - widths[i];
            if (len + n + pad + 1 > buf.length) {
                out.write(buf, 0, len);
                len = 0;
                if (n + pad + 1 > buf.length) {
                    buf = new char[n + pad + 1];
                }
            }
            current.getChars(offset, offset + n, buf, len);
            offset += n;
            len += n;
            if (column == columns - 1) {
                buf[len++] = '\n';
            } else {
                Arrays.fill(buf, len, len + pad, ' ');
                len += pad;
            }
        }
        out.write(buf, 0, len);
    }

    /** The general case: the same text Go's tabwriter is given, through {@link TabWriter}. */
    private void replay(Writer out) throws IOException {
        TabWriter tabs = new TabWriter(out, padding);
        int chunkIndex = 0;
        int offset = 0;
        StringBuilder current = chunks.get(0);
        for (int i = 0; i < cells; i++) {
            int n = lengths[i];
            if (offset + n > current.length()) {
                current = chunks.get(++chunkIndex);
                offset = 0;
            }
            tabs.text(current.substring(offset, offset + n));
            offset += n;
            tabs.text(i % columns == columns - 1 ? "\n" : "\t");
        }
        tabs.flush();
    }

    private void newChunk() {
        chunk = new StringBuilder(CHUNK);
        chunks.add(chunk);
    }
}
