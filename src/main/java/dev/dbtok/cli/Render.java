package dev.dbtok.cli;

import dev.dbtok.output.Output;
import dev.dbtok.output.TextTable;
import java.util.List;

/** Prints a command's result in the run's output format, on the run's stdout. */
public final class Render {
    private Render() {
    }

    /** A single result: JSON in both formats, as the official CLI prints it. */
    public static void json(Session session, Object value) {
        Output.render(session.globals().output(), value, session.out());
    }

    /** A listing: {@code table} in text mode, a JSON array with {@code -o json}. */
    public static <T> void list(Session session, Iterable<? extends T> items, TextTable<T> table) {
        Output.renderList(session.globals().output(), items, table, session.out(), session.services().terminal());
    }

    /** The first {@code limit} items ({@code --limit}); {@code null} or 0 keeps all. */
    public static <T> List<T> limit(List<T> items, Long limit) {
        return Output.limit(items, limit == null ? 0 : (int) Math.min(limit, Integer.MAX_VALUE));
    }

    /** {@link #limit(List, Long)} over items produced as they are iterated. */
    public static <T> Iterable<T> limit(Iterable<T> items, Long limit) {
        return Output.limit(items, limit == null ? 0 : (int) Math.min(limit, Integer.MAX_VALUE));
    }
}
