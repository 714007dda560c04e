package dev.dbtok.output;

import java.io.IOException;
import java.io.Writer;

/**
 * Replaces unpaired UTF-16 surrogates with U+FFFD.
 *
 * <p>A response may carry an escaped half of a surrogate pair ({@code "\ud83d"}, e.g. an emoji cut
 * in two by a truncating client). Jackson keeps it as a lone {@code char}, which a UTF-8 encoder
 * then prints as {@code ?}. Go's decoder turns it into U+FFFD, and so does dbtok before printing.
 * One {@code char} is replaced by one {@code char}, so widths in code points do not change.
 */
final class UnpairedSurrogates {
    static final char REPLACEMENT = '\uFFFD';

    private UnpairedSurrogates() {
    }

    /** {@code s} with each unpaired surrogate replaced; {@code s} itself when it has none. */
    static String replace(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (chars == null) {
                chars = s.toCharArray();
            }
            chars[i] = REPLACEMENT;
        }
        return chars == null ? s : new String(chars);
    }

    /**
     * A writer that repairs what passes through it, even when a pair is split across two writes.
     * {@link Writer#flush()} marks the end of the text: a high surrogate still waiting for its pair
     * is then written as U+FFFD. {@link Writer#close()} flushes but never closes the target, which
     * belongs to the caller.
     */
    static Writer replacing(Writer target) {
        return new ReplacingWriter(target);
    }

    private static final class ReplacingWriter extends Writer {
        private static final char NONE = 0;

        private final Writer target;
        private char pendingHigh = NONE;

        ReplacingWriter(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int end = off + len;
            int i = off;
            if (pendingHigh != NONE && i < end) {
                if (Character.isLowSurrogate(buf[i])) {
                    target.write(pendingHigh);
                    target.write(buf[i]);
                    i++;
                } else {
                    target.write(REPLACEMENT);
                }
                pendingHigh = NONE;
            }
            int run = i;
            while (i < end) {
                char c = buf[i];
                if (!Character.isSurrogate(c)) {
                    i++;
                    continue;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == end) {
                        // Its pair may come with the next write.
                        target.write(buf, run, i - run);
                        pendingHigh = c;
                        return;
                    }
                    if (Character.isLowSurrogate(buf[i + 1])) {
                        i += 2;
                        continue;
                    }
                }
                target.write(buf, run, i - run);
                target.write(REPLACEMENT);
                i++;
                run = i;
            }
            target.write(buf, run, i - run);
        }

        @Override
        public void flush() throws IOException {
            if (pendingHigh != NONE) {
                target.write(REPLACEMENT);
                pendingHigh = NONE;
            }
            target.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
