package dev.dbtok.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;

/**
 * Prints values as Go's {@code json.MarshalIndent(v, "", "  ")} followed by {@code "\n"}, byte for byte.
 *
 * <p>Which fields appear and in which order comes from the shared mapper ({@link Json#mapper()});
 * this class adds Go's layout and Go's string escapes. Output goes to the writer given and is
 * flushed; the writer is never closed. I/O failures surface as {@link UncheckedIOException}.
 */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** Writes {@code value} (a record, map, list, Jackson tree, ...) and a final newline. */
    public static void write(Object value, Writer out) {
        try (Printer printer = new Printer(out)) {
            printer.value(value);
            printer.end();
        }
    }

    /**
     * Writes the items as one JSON array, one item at a time, so that a long listing is never held
     * as one tree. The bytes equal those of {@link #write} on a list of the same items: items are
     * indented as array elements, and no items give {@code []}.
     */
    public static void writeArray(Iterator<?> items, Writer out) {
        try (Printer printer = new Printer(out)) {
            printer.startArray();
            while (items.hasNext()) {
                printer.value(items.next());
            }
            printer.endArray();
            printer.end();
        }
    }

    /** {@link #writeArray(Iterator, Writer)} over an {@link Iterable}. */
    public static void writeArray(Iterable<?> items, Writer out) {
        writeArray(items.iterator(), out);
    }

    /** The text {@link #write} would print, final newline included. */
    public static String toJson(Object value) {
        StringWriter out = new StringWriter();
        write(value, out);
        return out.toString();
    }

    /** One generator over one writer: Go's layout and escapes, and no surprises on close. */
    private static final class Printer implements AutoCloseable {
        // No pretty printer in here on purpose: ObjectWriter would replace the generator's own with a
        // fresh one for every value, and array items would lose their nesting level.
        private static final ObjectWriter WRITER = Json.mapper().writer()
                .with(GoJsonEscapes.INSTANCE)
                .without(SerializationFeature.INDENT_OUTPUT)
                // Streamed items are flushed once, at the end, not one by one.
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(SerializationFeature.CLOSE_CLOSEABLE)
                // The caller owns the writer; a failed listing must not be closed into valid-looking JSON.
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .without(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);

        private final JsonGenerator generator;

        Printer(Writer out) {
            try {
                generator = WRITER.createGenerator(UnpairedSurrogates.replacing(out));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator.setPrettyPrinter(goPrettyPrinter());
        }

        void value(Object value) {
            try {
                WRITER.writeValue(generator, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void startArray() {
            try {
                generator.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void endArray() {
            try {
                generator.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Go's renderer adds one newline after the document. */
        void end() {
            try {
                generator.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Flushes whatever was written, also after a failure half-way through a listing. */
        @Override
        public void close() {
            try {
                generator.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Go's MarshalIndent layout. Jackson's defaults differ in every point that matters here:
     * {@code " : "}, {@code { }} and {@code [ ]}, arrays on one line, and the platform line separator.
     */
    static PrettyPrinter goPrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("")
                .withRootSeparator("");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
