package dev.dbtok.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of an uncoloured table, held compactly until the last row is in (the widths are those of the whole
 * table): the cells encoded in UTF-8, in chunks of about a MiB, and each cell's length in bytes and width. 100 000
 * token rows take about 6 MB, instead of the lists of cell objects {@link TabWriter} keeps, and are printed as they
 * are held, with no encoding left to do ({@link Utf8Target}).
 *
 * <p>When every line has the same number of cells and no cell holds a tab, vertical tab, line break or form feed,
 * Go's tabwriter pads every column but the last to its widest cell plus the padding, and this class writes exactly
 * that. Otherwise it replays the cells through {@link TabWriter}, which implements the general rules.
 */
final class TableCells {
    /**
     * At least half of a 2 MB G1 region ({@code bin/dbtok} fixes that size): G1 places such an array straight in the
     * old generation, where the cells stay until the end, instead of copying it through the young collections.
     */
    private static final int CHUNK = 1 << 20;

    private final int columns;
    private final int padding;
    private final int[] widest;
    private final List<byte[]> chunks = new ArrayList<>();
    /** How many bytes of each chunk but the last are cells. */
    private final List<Integer> filled = new ArrayList<>();
    private byte[] chunk;
    private int chunkLength;
    private char[] chars = new char[64];
    private int[] lengths = new int[1024];
    private int[] widths = new int[1024];
    private int cells;
    private boolean irregular;

    TableCells(int columns, int padding) {
        this.columns = columns;
        this.padding = padding;
        this.widest = new int[columns];
        newChunk(CHUNK);
    }

    /** Adds the next cell, row after row; {@code null} is an empty cell. */
    void add(String text) {
        String cell = text == null ? "" : text;
        int n = cell.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        cell.getChars(0, n, cs, 0);
        // At most three bytes per char: a pair of surrogates (two chars) takes four.
        if (chunkLength + 3 * n > chunk.length) {
            newChunk(Math.max(CHUNK, 3 * n));
        }
        byte[] b = chunk;
        int start = chunkLength;
        int p = start;
        int i = 0;
        char c;
        // Most cells are printable ASCII: one byte per char, one column per byte.
        while (i < n && (c = cs[i]) >= 0x20 && c < 0x80) {
            b[p++] = (byte) c;
            i++;
        }
        int width = i;
        for (; i < n; i++) {
            c = cs[i];
            width++;
            if (c < 0x80) {
                irregular |= c == '\t' || c == 0x0B || c == '\n' || c == '\f';
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                // One code point, one column, as Go counts runes.
                int cp = Character.toCodePoint(c, cs[++i]);
                b[p++] = (byte) (0xf0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                // Half a pair prints as the replacement character, as Go's decoder reads it.
                char d = Character.isSurrogate(c) ? UnpairedSurrogates.REPLACEMENT : c;
                b[p++] = (byte) (0xe0 | (d >> 12));
                b[p++] = (byte) (0x80 | ((d >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (d & 0x3f));
            }
        }
        chunkLength = p;
        if (cells == lengths.length) {
            lengths = Arrays.copyOf(lengths, cells * 2);
            widths = Arrays.copyOf(widths, cells * 2);
        }
        lengths[cells] = p - start;
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
        Rows rows = new Rows(Utf8Target.of(out));
        for (int first = 0; first < cells; first += columns) {
            rows.write(first);
        }
        rows.finish();
    }

    /**
     * Writes the aligned lines, one call per row: the JIT compiles a method after a few hundred calls, while one loop
     * over all cells would run interpreted for its first tens of thousands.
     */
    private final class Rows {
        private final Utf8Target target;
        private byte[] buf = new byte[1 << 16];
        private int len;
        private int chunkIndex;
        private int offset;
        private byte[] current = chunks.get(0);
        private int currentLength = filled(0);

        Rows(Utf8Target target) {
            this.target = target;
        }

        void write(int first) throws IOException {
            for (int column = 0; column < columns; column++) {
                int i = first + column;
                int n = lengths[i];
                while (offset + n > currentLength) {
                    current = chunks.get(++chunkIndex);
                    currentLength = filled(chunkIndex);
                    offset = 0;
                }
                boolean last = column == columns - 1;
                int pad = last ? 0 : widest[column] + padding - widths[i];
                if (len + n + pad + 1 > buf.length) {
                    target.write(buf, 0, len);
                    len = 0;
                    if (n + pad + 1 > buf.length) {
                        buf = new byte[n + pad + 1];
                    }
                }
                System.arraycopy(current, offset, buf, len, n);
                offset += n;
                len += n;
                if (last) {
                    buf[len++] = '\n';
                } else {
                    Arrays.fill(buf, len, len + pad, (byte) ' ');
                    len += pad;
                }
            }
        }

        void finish() throws IOException {
            target.write(buf, 0, len);
        }
    }

    /** The general case: the same text Go's tabwriter is given, through {@link TabWriter}. */
    private void replay(Writer out) throws IOException {
        TabWriter tabs = new TabWriter(out, padding);
        int chunkIndex = 0;
        int offset = 0;
        byte[] current = chunks.get(0);
        int currentLength = filled(0);
        for (int i = 0; i < cells; i++) {
            int n = lengths[i];
            while (offset + n > currentLength) {
                current = chunks.get(++chunkIndex);
                currentLength = filled(chunkIndex);
                offset = 0;
            }
            tabs.text(new String(current, offset, n, StandardCharsets.UTF_8));
            offset += n;
            tabs.text(i % columns == columns - 1 ? "\n" : "\t");
        }
        tabs.flush();
    }

    /** How many bytes of chunk {@code index} are cells. */
    private int filled(int index) {
        return index < filled.size() ? filled.get(index) : chunkLength;
    }

    private void newChunk(int size) {
        if (chunk != null) {
            filled.add(chunkLength);
        }
        chunk = new byte[size];
        chunkLength = 0;
        chunks.add(chunk);
    }
}
