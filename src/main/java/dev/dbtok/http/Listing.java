package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.dbtok.json.JsonParsers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The items of a list response ({@code {"<field>": [item, ...], ...}}), read from the network and decoded one at a
 * time while they are iterated, so that a listing of 100 000 tokens is held neither as bytes nor as objects. It can
 * be iterated once; close it (the end of the body closes it too).
 *
 * <p>The items equal those of the whole-response decoding: a body of another shape ({@code null}, empty, a
 * {@code null} list) is handed to {@code whole}, fields around the list are skipped, and the iterator's
 * {@code hasNext()} answers {@code false} only once the body has been read to its end and decoded without error, so
 * a caller that prints only after that never prints a broken listing. With a {@link #limit(Long)}, the items past
 * it are still decoded (and dropped): the listing fails on the same bodies with or without a limit.
 *
 * <p>One difference: a body that names the list twice lists the items of both, where the whole-response decoding
 * refuses it. {@link #readAll} refuses it too.
 *
 * <p>Failures are {@link DatabricksException}s: a {@link ResponseDecodeException} naming the item
 * ({@code token_infos[7].creation_time}), or a {@link TransportException} when the connection breaks mid-body.
 *
 * @param <T> the item type
 */
public final class Listing<T> implements Iterable<T>, AutoCloseable {
    /** Decodes one item, the parser being on its first token. */
    public interface ItemReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /** Decodes a whole body that is not a plain object (the parser on its first token) into its items. */
    public interface WholeReader<T> {
        List<? extends T> read(JsonParser parser) throws IOException;
    }

    private final Request request;
    private final ResponseBody body;
    private final byte[] bytes;
    private final String field;
    /** What the mapper decodes an item into, when it decodes a list that is not a JSON array. */
    private final Class<? extends T> type;
    private final ItemReader<T> items;
    private final WholeReader<T> whole;
    /** The fast path of a streamed body, or {@code null}. */
    private final ListScanner.ItemScanner<T> scan;
    private JsonParser parser;
    /** How many times the list field has been met. */
    private int fieldsSeen;
    /** Whether a second list field is an error, as in the whole-response decoding ({@link #readAll}). */
    private boolean single;
    private long limit;
    private boolean iterated;

    private Listing(Request request, ResponseBody body, byte[] bytes, String field, Class<? extends T> type, ItemReader<T> items,
                    WholeReader<T> whole, ListScanner.ItemScanner<T> scan) {
        this.request = request;
        this.body = body;
        this.bytes = bytes;
        this.field = field;
        this.type = type;
        this.items = items;
        this.whole = whole;
        this.scan = scan;
    }

    /**
     * The listing of {@code response} (a 2xx, body unread), which it now owns. {@code scan} reads the items of a
     * plain body faster ({@link ListScanner}); {@code items} and {@code whole} read the rest, as for {@link #readAll}.
     */
    static <T> Listing<T> open(Request request, Response response, String field, Class<? extends T> type,
                               ItemReader<T> items, WholeReader<T> whole, ListScanner.ItemScanner<T> scan) {
        ResponseBody body = response.body();
        if (body != null && (response.protocol() == Protocol.HTTP_1_1 || response.protocol() == Protocol.HTTP_1_0)) {
            // A long body is thousands of socket reads, and okio's watchdog timer armed and cancelled around each one
            // (a lock and a wake-up of its thread) was ~12% of a 100 000-token listing's CPU. Over HTTP/1 OkHttp also
            // sets the socket's own read timeout (SO_TIMEOUT) to the same value, which bounds every read just as well
            // and fails as the same "i/o timeout"; over HTTP/2 the watchdog is the only read timeout and stays.
            body.source().timeout().clearTimeout();
        }
        return new Listing<>(request, body, null, field, type, items, whole, body == null ? null : scan);
    }

    /**
     * The items of a body read whole, as the mapper decodes the response into a record holding the list: the same
     * items, or the same {@link ResponseDecodeException} (a list named twice included). Without the mapper, which
     * short commands should not pay for.
     */
    static <T> List<T> readAll(Request request, byte[] body, String field, Class<T> type, ItemReader<T> items,
                               WholeReader<T> whole) {
        try (Listing<T> listing = new Listing<>(request, null, body, field, type, items, whole, null)) {
            listing.single = true;
            List<T> all = new ArrayList<>();
            for (T item : listing) {
                all.add(item);
            }
            return all;
        }
    }

    /** Iterates the first {@code limit} items only; {@code null} or 0 keeps all. Returns this listing. */
    public Listing<T> limit(Long limit) {
        this.limit = limit == null ? 0 : limit;
        return this;
    }

    @Override
    public Iterator<T> iterator() {
        if (iterated) {
            throw new IllegalStateException("a streamed listing can be iterated once");
        }
        iterated = true;
        return new Items();
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // Nothing more is read from it.
        } finally {
            if (body != null) {
                body.close();
            }
        }
    }

    /** Where the items come from: the list of the body, or the items of a body decoded whole. */
    private final class Items implements Iterator<T> {
        private boolean started;
        private boolean inObject;
        private boolean inArray;
        /** Whether the value being read is (in) the list field, which then starts the path of a decoding error. */
        private boolean inField;
        /** Whether an item is being decoded, which then adds its index to the path. */
        private boolean inItem;
        private Iterator<? extends T> decoded = List.<T>of().iterator();
        private int index;
        private long given;
        private boolean ahead;
        private boolean done;
        private T next;
        /** While the fast path reads the body. */
        private ListScanner<T> scanner;
        /** Where Jackson's parser took over from the fast path, for the position of its errors; or {@code null}. */
        private JsonBytes.ResumedAt resumedAt;

        @Override
        public boolean hasNext() {
            if (!ahead && !done) {
                if (limit > 0 && given >= limit) {
                    while (fetch()) {
                        // Decoded and dropped: the rest of the body must decode too.
                    }
                } else {
                    ahead = fetch();
                }
                done = !ahead;
                if (done) {
                    close();
                }
            }
            return ahead;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            given++;
            T item = next;
            next = null;
            return item;
        }

        /** Reads up to the next item ({@code next}); false at the end of the body. */
        private boolean fetch() {
            try {
                return fetchItem();
            } catch (JsonProcessingException e) {
                // What the whole-response decoding reports: a failure inside the list, broken JSON included, is an
                // "unexpected value" at token_infos, token_infos[7] or token_infos[7].creation_time; one outside it
                // is "invalid JSON".
                if (!inField) {
                    throw ResponseDecodeException.of(request, e, resumedAt);
                }
                JsonProcessingException inList = inItem ? DecodePaths.atIndex(e, null, index) : e;
                throw ResponseDecodeException.of(request, DecodePaths.atField(inList, null, field), resumedAt);
            } catch (IOException e) {
                throw TransportException.of(request, e);
            }
        }

        private boolean fetchItem() throws IOException {
            if (!started) {
                started = true;
                InputStream in = body == null ? InputStream.nullInputStream() : body.byteStream();
                if (scan != null && bytes == null) {
                    scanner = new ListScanner<>(in, field, scan);
                    if (!scanner.begin()) {
                        in = scanner.handOff(); // the body from its start
                        scanner = null;
                    }
                }
                if (scanner == null && !begin(in)) {
                    return false;
                }
            }
            if (scanner != null) {
                try {
                    T item = scanner.next();
                    if (item == null) {
                        scanner = null; // the body's object has ended: nothing more is read
                        return false;
                    }
                    next = item;
                    index++;
                    return true;
                } catch (JsonBytes.Decline e) {
                    resume();
                }
            }
            while (true) {
                if (decoded.hasNext()) {
                    next = decoded.next();
                    return true;
                }
                if (inArray) {
                    if (parser.nextToken() != JsonToken.END_ARRAY) {
                        inItem = true;
                        next = items.read(parser);
                        inItem = false;
                        index++;
                        return true;
                    }
                    inArray = false;
                    inField = false;
                    refuseRepeatedField();
                }
                if (!inObject) {
                    return false;
                }
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    inObject = false;
                    return false;
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                inField = field.equals(name);
                if (inField) {
                    fieldsSeen++;
                }
                if (!inField) {
                    parser.skipChildren();
                } else if (value == JsonToken.START_ARRAY) {
                    inArray = true;
                    index = 0;
                } else if (value != JsonToken.VALUE_NULL) {
                    // Not a list ({}, "", 1): decoded, or refused, as the whole-response decoding does it.
                    List<? extends T> list = JsonValues.listByMapper(parser, type);
                    decoded = list == null ? decoded : list.iterator();
                    inField = false;
                    refuseRepeatedField();
                } else {
                    // A null list is empty; what follows is outside it.
                    inField = false;
                    refuseRepeatedField();
                }
            }
        }

        /**
         * With {@link #single}, fails once a second list field has been read: the mapper decodes the value, then
         * refuses to set the record's list twice (an error with no position).
         */
        private void refuseRepeatedField() {
            if (single && fieldsSeen > 1) {
                throw ResponseDecodeException.of(request, DecodePaths.atField(DecodePaths.repeated(field), null, field));
            }
        }

        /**
         * Goes on with Jackson's parser inside the list, after the items the fast path returned: the stream it hands
         * off starts with the list field and a value standing for those items, which are skipped here.
         */
        private void resume() throws IOException {
            parser = JsonParsers.of(scanner.handOff());
            resumedAt = scanner.resumedAt();
            int skipped = scanner.count() > 0 ? 4 : 3; // {, the field name, [ and the stand-in
            scanner = null;
            for (int i = 0; i < skipped; i++) {
                parser.nextToken();
            }
            inObject = true;
            inArray = true;
            inField = true;
            fieldsSeen = 1;
        }

        /** Opens the parser on the body ({@code bytes}, or else {@code in}); false when the body is empty. */
        private boolean begin(InputStream in) throws IOException {
            parser = bytes != null ? JsonParsers.of(bytes) : JsonParsers.of(in);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return false;
            }
            if (first == JsonToken.START_OBJECT) {
                inObject = true;
            } else {
                decoded = whole.read(parser).iterator();
            }
            return true;
        }
    }
}
