package dev.dbtok.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming parsers for response bodies that are decoded field by field. They come from a bare jackson-core
 * {@link JsonFactory}, not from the shared mapper ({@link Json#mapper()}): building the mapper loads some 600 classes
 * of Jackson's data binding, about a quarter of a short {@code tokens list}. The parsers read JSON exactly as the
 * mapper's own do (same factory defaults), and the mapper still accepts them for the odd value it must convert.
 */
public final class JsonParsers {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonParsers() {
    }

    /** A parser over a body as it arrives; closing the parser closes {@code in}. */
    public static JsonParser of(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** A parser over a body read whole. */
    public static JsonParser of(byte[] body) throws IOException {
        return FACTORY.createParser(body);
    }

    /** A parser over JSON text. */
    public static JsonParser of(String json) throws IOException {
        return FACTORY.createParser(json);
    }
}
