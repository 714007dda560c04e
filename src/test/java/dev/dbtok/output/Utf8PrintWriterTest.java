package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Text and encoded bytes on one stdout: in the order they were written, failures kept for the stream's owner. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class Utf8PrintWriterTest {
    @Test
    void should_keep_text_and_bytes_in_order() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Utf8PrintWriter out = new Utf8PrintWriter(stream);

        out.print("é before ");
        byte[] bytes = "日本 bytes".getBytes(StandardCharsets.UTF_8);
        out.writeUtf8(bytes, 0, bytes.length);
        out.print(" after 😀");
        out.flush();

        assertEquals("é before 日本 bytes after 😀", stream.toString(StandardCharsets.UTF_8));
        assertFalse(out.checkError());
    }

    @Test
    void should_swallow_a_write_failure_as_for_text() {
        Utf8PrintWriter out = new Utf8PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });

        out.writeUtf8(new byte[] {'x'}, 0, 1);

        assertTrue(out.checkError());
    }
}
