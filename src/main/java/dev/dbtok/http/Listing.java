package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The items of a list response ({@code {"<field>": [item, ...], ...}}), decoded one at a time while they are
 * iterated, so that a listing of 100 000 tokens is never held as 100 000 objects. The body itself is kept as bytes;
 * each {@link #iterator()} reads it again from the start.
 *
 * <p>The result equals the whole-response decoding of {@link DatabricksClient}, which this class falls back to for
 * any body that is not a plain object holding an array (empty body, {@code null}, a {@code null} list, ...) and for
 * every body that fails to decode, so that errors read exactly the same. Callers that print while iterating call
 * {@link #check()} first, so that a broken body fails before anything is printed.
 *
 * @param <T> the item type
 */
public final class Listing<T> implements Iterable<T> {
    private final byte[] body;
    private final String field;
    private final ObjectReader reader;
    private final Supplier<List<T>> whole;

    /**
     * @param whole the whole-response decoding of {@code body}: the items, or a {@link ResponseDecodeException}
     */
    Listing(byte[] body, String field, Class<T> type, Supplier<List<T>> whole) {
        this.body = body;
        this.field = field;
        this.reader = Json.mapper().readerFor(type);
        this.whole = whole;
    }

    /** Decodes every item once and drops it, up to the end of the body; returns this listing. */
    public Listing<T> check() {
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (!toList(parser)) {
                whole.get();
                return this;
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                reader.readValue(parser);
            }
            // The rest of the object must decode too, as it must for the whole-response decoding.
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new IOException("unexpected " + token);
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return this;
        } catch (IOException | RuntimeException e) {
            whole.get(); // throws the error the whole-response decoding gives
            throw new IllegalStateException("response decodes as a whole but not item by item", e);
        }
    }

    @Override
    public Iterator<T> iterator() {
        try {
            JsonParser parser = Json.mapper().getFactory().createParser(body);
            return toList(parser) ? new Items(parser) : whole.get().iterator();
        } catch (IOException e) {
            whole.get();
            throw new IllegalStateException("response decodes as a whole but not item by item", e);
        }
    }

    /** Moves {@code parser} onto the START_ARRAY of the list; false when the body is not of that plain shape. */
    private boolean toList(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            boolean ours = field.equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (ours) {
                return value == JsonToken.START_ARRAY;
            }
            parser.skipChildren();
        }
        return false;
    }

    private final class Items implements Iterator<T> {
        private final JsonParser parser;
        private boolean inList = true;
        private boolean ahead;

        Items(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            if (inList && !ahead) {
                inList = read(() -> parser.nextToken() != JsonToken.END_ARRAY);
                ahead = true;
            }
            return inList;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            return read(() -> reader.readValue(parser));
        }

        private <R> R read(IoStep<R> step) {
            try {
                return step.run();
            } catch (IOException | RuntimeException e) {
                whole.get();
                throw new IllegalStateException("response decodes as a whole but not item by item", e);
            }
        }
    }

    private interface IoStep<R> {
        R run() throws IOException;
    }
}
