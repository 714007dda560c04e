package dev.dbtok.output;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/** What a command calls to print its result on stdout. Commands never format by hand. */
public final class Output {
    private Output() {
    }

    /**
     * Prints a single result. It is JSON in both formats: upstream has no text template for these
     * commands and falls back to JSON in text mode too.
     */
    public static void render(OutputFormat format, Object value, PrintWriter out) {
        Objects.requireNonNull(format, "format");
        JsonOutput.write(value, out);
    }

    /**
     * Prints a listing: the table in text mode (coloured when stdout allows it), a JSON array in
     * JSON mode ({@code []} when empty). Apply {@code --limit} first, with {@link #limit}.
     */
    public static <T> void renderList(OutputFormat format, Iterable<? extends T> items, TextTable<T> table,
                                      PrintWriter out, Terminal terminal) {
        switch (format) {
            case TEXT -> table.render(items, out, terminal.colorStdout());
            case JSON -> JsonOutput.writeArray(items, out);
        }
    }

    /**
     * The first {@code limit} items, as {@code --limit} keeps them in both formats. A limit of 0 or
     * less keeps everything, as upstream treats it.
     */
    public static <T> List<T> limit(List<T> items, int limit) {
        return limit > 0 && limit < items.size() ? items.subList(0, limit) : items;
    }

    /** {@link #limit(List, int)} over items that are produced as they are iterated. */
    public static <T> Iterable<T> limit(Iterable<T> items, int limit) {
        if (limit <= 0) {
            return items;
        }
        return () -> new Iterator<>() {
            private final Iterator<T> inner = items.iterator();
            private int left = limit;

            @Override
            public boolean hasNext() {
                return left > 0 && inner.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return inner.next();
            }
        };
    }
}
