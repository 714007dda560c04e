package dev.dbtok.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The text-mode table of list commands: a header line, then one line per row, aligned as Go's
 * tabwriter aligns the official CLI's templates (see {@link TabWriter}).
 *
 * <p>Each column is right-padded to its widest cell plus two, except the last, which is never
 * padded; a row whose last cell is empty therefore ends in spaces, as upstream's does. Widths are
 * computed over the whole table (upstream aligns every 20 rows on their own). An empty list prints
 * the header line only.
 *
 * <pre>{@code
 * TextTable<PublicTokenInfo> table = TextTable.of(
 *         Column.id("ID", PublicTokenInfo::tokenId),
 *         Column.text("Comment", PublicTokenInfo::comment));
 * table.render(tokens, out, terminal.colorStdout());
 * }</pre>
 *
 * @param <T> the row type
 */
public final class TextTable<T> {
    static final String BLUE = "\u001b[34m";
    static final String GREEN = "\u001b[32m";
    static final String CYAN = "\u001b[36m";
    static final String RED = "\u001b[31m";
    static final String RESET = "\u001b[0m";
    private static final int PADDING = 2;

    /** How a column's cells are coloured: headers are always blue. */
    public enum Role {
        /** The identifier column: green. */
        ID(GREEN),
        /** Any other column: cyan. */
        VALUE(CYAN);

        private final String color;

        Role(String color) {
            this.color = color;
        }
    }

    /**
     * A piece of a cell in its own colour ({@code null}: never coloured), for cells that mix colours,
     * like upstream's {@code {{.Name | green}}{{if .Default}} (Default){{end}}}.
     */
    public record Span(String color, String text) {
        public static Span green(String text) {
            return new Span(GREEN, text);
        }

        public static Span red(String text) {
            return new Span(RED, text);
        }

        public static Span cyan(String text) {
            return new Span(CYAN, text);
        }

        public static Span plain(String text) {
            return new Span(null, text);
        }
    }

    /**
     * One column: its header, its colour role, and how to get a row's cell. A {@code null} cell
     * prints as an empty one, as Go prints an unset string field. A column built with
     * {@link #spans} takes its cells, colours included, from {@code spans} instead.
     */
    public record Column<T>(String header, Role role, Function<? super T, String> cell,
                            Function<? super T, List<Span>> spans) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(cell, "cell");
        }

        public Column(String header, Role role, Function<? super T, String> cell) {
            this(header, role, cell, null);
        }

        /** A column whose cells are pieces in colours of their own. */
        public static <T> Column<T> spans(String header, Function<? super T, List<Span>> spans) {
            Objects.requireNonNull(spans, "spans");
            return new Column<>(header, Role.VALUE, row -> {
                StringBuilder text = new StringBuilder();
                spans.apply(row).forEach(span -> text.append(span.text()));
                return text.toString();
            }, spans);
        }

        /** The green identifier column. */
        public static <T> Column<T> id(String header, Function<? super T, String> cell) {
            return new Column<>(header, Role.ID, cell);
        }

        /** A cyan column. */
        public static <T> Column<T> text(String header, Function<? super T, String> cell) {
            return new Column<>(header, Role.VALUE, cell);
        }
    }

    private final List<Column<T>> columns;

    private TextTable(List<Column<T>> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    @SafeVarargs
    public static <T> TextTable<T> of(Column<T>... columns) {
        List<Column<T>> list = new ArrayList<>(columns.length);
        for (Column<T> column : columns) {
            list.add(column);
        }
        return new TextTable<>(list);
    }

    public static <T> TextTable<T> of(List<Column<T>> columns) {
        return new TextTable<>(columns);
    }

    /** Renders without colour. */
    public void render(Iterable<? extends T> rows, Writer out) {
        render(rows, out, false);
    }

    /**
     * Renders the table and flushes {@code out}. With {@code color}, each cell, empty ones too, is
     * wrapped as {@code <code><text>ESC[0m}, with the padding after the reset.
     */
    public void render(Iterable<? extends T> rows, Writer out, boolean color) {
        if (!color && columns.stream().allMatch(column -> column.spans() == null)) {
            renderPlain(rows, out);
            return;
        }
        renderTabbed(rows, out, color);
    }

    /** Without colour: the cells are held compactly, for tables of 100 000 rows. */
    void renderPlain(Iterable<? extends T> rows, Writer out) {
        TableCells cells = new TableCells(columns.size(), PADDING);
        for (Column<T> column : columns) {
            cells.add(column.header());
        }
        for (T row : rows) {
            for (Column<T> column : columns) {
                cells.add(column.cell().apply(row));
            }
        }
        try {
            cells.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every cell through {@link TabWriter}, colour codes included. */
    void renderTabbed(Iterable<? extends T> rows, Writer out, boolean color) {
        try {
            TabWriter tabs = new TabWriter(out, PADDING);
            for (int j = 0; j < columns.size(); j++) {
                cell(tabs, j, color ? BLUE : null, columns.get(j).header());
            }
            for (T row : rows) {
                for (int j = 0; j < columns.size(); j++) {
                    Column<T> column = columns.get(j);
                    if (column.spans() != null) {
                        spans(tabs, j, color, column.spans().apply(row));
                    } else {
                        cell(tabs, j, color ? column.role().color : null, column.cell().apply(row));
                    }
                }
            }
            tabs.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void spans(TabWriter tabs, int column, boolean color, List<Span> spans) throws IOException {
        for (Span span : spans) {
            boolean colored = color && span.color() != null;
            if (colored) {
                tabs.code(span.color());
            }
            tabs.text(span.text() == null ? "" : UnpairedSurrogates.replace(span.text()));
            if (colored) {
                tabs.code(RESET);
            }
        }
        tabs.text(column == columns.size() - 1 ? "\n" : "\t");
    }

    /** Writes one cell the way upstream's template does: {@code {{.X|green}}\t} or, last, {@code \n}. */
    private void cell(TabWriter tabs, int column, String color, String text) throws IOException {
        if (color != null) {
            tabs.code(color);
        }
        tabs.text(text == null ? "" : UnpairedSurrogates.replace(text));
        if (color != null) {
            tabs.code(RESET);
        }
        tabs.text(column == columns.size() - 1 ? "\n" : "\t");
    }
}
