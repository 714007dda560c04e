package dev.dbtok.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where a printer that encodes its own output puts its UTF-8 bytes: stdout's byte stream when the writer is a
 * {@link Utf8PrintWriter}, else the writer itself (the bytes decoded again; tests print into strings that way).
 * Each write must hold whole UTF-8 sequences.
 */
abstract class Utf8Target {
    abstract void write(byte[] b, int off, int len) throws IOException;

    abstract void flush() throws IOException;

    static Utf8Target of(Writer out) {
        if (out instanceof Utf8PrintWriter stdout) {
            return new Utf8Target() {
                @Override
                void write(byte[] b, int off, int len) {
                    stdout.writeUtf8(b, off, len);
                }

                @Override
                void flush() {
                    stdout.flush();
                }
            };
        }
        return new Utf8Target() {
            @Override
            void write(byte[] b, int off, int len) throws IOException {
                out.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            void flush() throws IOException {
                out.flush();
            }
        };
    }
}
