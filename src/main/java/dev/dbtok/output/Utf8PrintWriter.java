package dev.dbtok.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * stdout as a {@link PrintWriter} in UTF-8 that also takes bytes already encoded: printers of long listings
 * ({@link GoJsonWriter}, the plain {@link TextTable}) encode straight into a byte buffer and skip the writer's
 * encoder, which added about a quarter to the time of printing 40 MB.
 *
 * <p>Bytes and text keep their order: the text printed before the bytes is flushed first. A failure to write is
 * swallowed and marks the writer as in error, as for text ({@link #checkError()}); whoever owns the stream learns
 * why from it, as before.
 */
public final class Utf8PrintWriter extends PrintWriter {
    private final OutputStream bytes;

    public Utf8PrintWriter(OutputStream out) {
        super(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        this.bytes = out;
    }

    /** Writes UTF-8 bytes after all text written so far. */
    public void writeUtf8(byte[] b, int off, int len) {
        flush();
        try {
            bytes.write(b, off, len);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            setError();
        } catch (IOException e) {
            setError();
        }
    }
}
