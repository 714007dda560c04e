package dev.dbtok.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Remembers why stdout could not be written: {@link java.io.PrintWriter} swallows the reason. */
final class StdoutGuard extends FilterOutputStream {
    private IOException failure;

    StdoutGuard(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            remember(e);
            throw e;
        }
    }

    /** The first write or flush failure, or {@code null}. */
    IOException failure() {
        return failure;
    }

    static boolean isBrokenPipe(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("pipe is being closed");
    }

    private void remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
