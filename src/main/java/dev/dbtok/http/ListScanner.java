package dev.dbtok.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of a streamed {@link Listing}: reads a body of the plain shape {@code {"<field>": [item, ...]}} with a
 * {@link JsonBytes} cursor, about twice as fast as Jackson's parser under the C1 compiler the launcher runs with. At
 * the first thing it declines (an escape in a string, a field it does not know with more than a scalar in it, a
 * field after the list, broken JSON, the end of the body mid-way), the listing goes on with Jackson's parser from
 * just after the last item returned ({@link #handOff}), so what is decoded, and what is refused with which error, is
 * what Jackson's decoding of the whole body gives.
 *
 * @param <T> the item type
 */
final class ListScanner<T> {
    /** Reads one item, the cursor before it, or declines ({@link JsonBytes.Decline}). */
    interface ItemScanner<T> {
        T read(JsonBytes in) throws IOException;
    }

    private static final byte[] NO_PREFIX = {};

    private final JsonBytes in;
    private final String field;
    private final ItemScanner<T> items;
    private boolean inList;
    private int count;

    ListScanner(InputStream body, String field, ItemScanner<T> items) {
        this.in = new JsonBytes(body);
        this.field = field;
        this.items = items;
    }

    /** Reads up to the first item; false when it declines (the body does not start with the list). */
    boolean begin() throws IOException {
        try {
            in.expect('{');
            if (in.name(new byte[][] {field.getBytes(StandardCharsets.UTF_8)}, 0) != 0) {
                return false;
            }
            in.expect('[');
        } catch (JsonBytes.Decline e) {
            return false;
        }
        in.mark();
        inList = true;
        return true;
    }

    /** The next item, or {@code null} once the list and the body's object have ended. Declines as {@link JsonBytes} does. */
    T next() throws IOException {
        int b = in.peek();
        if (b == ']') {
            in.skip();
            in.expect('}');
            return null;
        }
        if (count > 0) {
            if (b != ',') {
                throw JsonBytes.decline();
            }
            in.skip();
        }
        T item = items.read(in);
        count++;
        in.mark();
        return item;
    }

    /** Items returned so far. */
    int count() {
        return count;
    }

    /** Whether {@link #begin()} reached the list; a stream from {@link #handOff()} then starts inside it. */
    boolean inList() {
        return inList;
    }

    /**
     * The body from just after the last item returned (or from its start, when {@link #begin()} declined), for
     * Jackson's parser. Inside the list it starts with {@code {"<field>":[}, and {@code ""} for the items already
     * returned, so that the parser meets the rest, separators included, in the same context as in the whole body;
     * skip those tokens before reading on.
     */
    InputStream handOff() {
        return in.handOff(prefix());
    }

    /** Where the stream of {@link #handOff()} resumes in the body, for the position of an error in it. */
    JsonBytes.ResumedAt resumedAt() {
        return in.resumedAt(prefix());
    }

    private byte[] prefix() {
        if (!inList) {
            return NO_PREFIX;
        }
        String open = "{\"" + field + "\":[";
        // The stand-in is a string: after its closing quote Jackson reads on as after an item's closing brace (after a
        // null it would first check that no letter follows).
        return (count == 0 ? open : open + "\"\"").getBytes(StandardCharsets.UTF_8);
    }
}
