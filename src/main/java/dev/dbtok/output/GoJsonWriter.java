package dev.dbtok.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes JSON token by token in the layout of Go's {@code json.MarshalIndent(v, "", "  ")} with Go's string escapes,
 * the same bytes {@link JsonOutput} prints, at a fraction of its cost: for listings of many thousand items that are
 * written field by field (keys in sorted order, absent fields left out by the caller).
 *
 * <p>Output is held in memory until {@value #HOLD} characters are reached, then passed on in chunks of that size.
 * A listing that fails before that point is dropped with {@link #abandon()} and prints nothing; a longer one has
 * already printed its first items. I/O failures surface as {@link UncheckedIOException}.
 */
public final class GoJsonWriter {
    /** Characters held before the first write: about 2 500 tokens of a token listing. */
    static final int HOLD = 1 << 20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private final char[] buf = new char[HOLD];
    private int len;
    private boolean released;
    /** Per open container: whether it has an element yet. */
    private boolean[] nonEmpty = new boolean[16];
    private int depth;
    private boolean afterName;

    public GoJsonWriter(Writer out) {
        this.out = out;
    }

    public void beginArray() {
        open('[');
    }

    public void endArray() {
        close(']');
    }

    public void beginObject() {
        open('{');
    }

    public void endObject() {
        close('}');
    }

    /** A key; {@code name} is written as given, so it must need no escapes. */
    public void name(String name) {
        separate();
        ensure(name.length() + 4);
        buf[len++] = '"';
        name.getChars(0, name.length(), buf, len);
        len += name.length();
        buf[len++] = '"';
        buf[len++] = ':';
        buf[len++] = ' ';
        afterName = true;
    }

    /** {@code "name": value}, left out when {@code value} is {@code null}, like a Go field with {@code omitempty}. */
    public void field(String name, String value) {
        if (value != null) {
            name(name);
            value(value);
        }
    }

    /** {@code "name": value}, left out when {@code value} is {@code null}. */
    public void field(String name, Long value) {
        if (value != null) {
            name(name);
            value(value.longValue());
        }
    }

    /** {@code "name": [...]}, left out when {@code values} is {@code null} or empty, like a Go slice with {@code omitempty}. */
    public void field(String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            name(name);
            beginArray();
            for (String value : values) {
                value(value);
            }
            endArray();
        }
    }

    public void value(long value) {
        separate();
        raw(Long.toString(value));
    }

    public void nullValue() {
        separate();
        raw("null");
    }

    /** A string with Go's escapes; {@code null} writes {@code null}. */
    public void value(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        separate();
        int n = value.length();
        ensure(2);
        buf[len++] = '"';
        int i = 0;
        if (n <= buf.length - len - 1) {
            // Most strings need no escape: copied in bulk, then checked in place up to the first that does.
            value.getChars(0, n, buf, len);
            while (i < n && plain(buf[len + i])) {
                i++;
            }
            len += i;
        }
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (plain(c)) {
                if (len == buf.length) {
                    drain();
                }
                buf[len++] = c;
            } else {
                escape(value, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                }
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    /** Whether Go writes {@code c} as it is: printable ASCII but the quote, the backslash and HTML's three. */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
    }

    /** The final newline Go's renderer adds after the document. */
    public void newline() {
        raw("\n");
    }

    /** Writes what is held and flushes {@code out}. */
    public void finish() {
        try {
            drainTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After a failure: drops the output when nothing has been printed yet; otherwise prints what is held, so that
     * stdout ends with the last item that was complete.
     */
    public void abandon() {
        if (released) {
            finish();
        }
        len = 0;
    }

    private void escape(String value, int i, char c) {
        ensure(12);
        switch (c) {
            case '"' -> pair('"');
            case '\\' -> pair('\\');
            case '\b' -> pair('b');
            case '\f' -> pair('f');
            case '\n' -> pair('n');
            case '\r' -> pair('r');
            case '\t' -> pair('t');
            default -> {
                if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    buf[len++] = '\\';
                    buf[len++] = 'u';
                    buf[len++] = HEX[c >> 12];
                    buf[len++] = HEX[(c >> 8) & 0xf];
                    buf[len++] = HEX[(c >> 4) & 0xf];
                    buf[len++] = HEX[c & 0xf];
                } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    buf[len++] = c;
                    buf[len++] = value.charAt(i + 1);
                } else if (Character.isSurrogate(c)) {
                    // Half a pair, as Go's decoder sees it: the replacement character.
                    buf[len++] = UnpairedSurrogates.REPLACEMENT;
                } else {
                    buf[len++] = c;
                }
            }
        }
    }

    private void pair(char c) {
        buf[len++] = '\\';
        buf[len++] = c;
    }

    private void open(char bracket) {
        separate();
        ensure(1);
        buf[len++] = bracket;
        if (++depth == nonEmpty.length) {
            nonEmpty = java.util.Arrays.copyOf(nonEmpty, depth * 2);
        }
        nonEmpty[depth] = false;
    }

    private void close(char bracket) {
        if (nonEmpty[depth]) {
            indent(depth - 1);
        }
        depth--;
        ensure(1);
        buf[len++] = bracket;
    }

    /** Before a value or a key: the comma, the line break and the indent of an element; nothing after a key. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (nonEmpty[depth]) {
            ensure(1);
            buf[len++] = ',';
        }
        nonEmpty[depth] = true;
        indent(depth);
    }

    private void indent(int level) {
        ensure(1 + 2 * level);
        buf[len++] = '\n';
        for (int i = 0; i < level; i++) {
            buf[len++] = ' ';
            buf[len++] = ' ';
        }
    }

    private void raw(String s) {
        ensure(s.length());
        s.getChars(0, s.length(), buf, len);
        len += s.length();
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            drain();
        }
    }

    private void drain() {
        try {
            drainTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drainTo(Writer target) throws IOException {
        target.write(buf, 0, len);
        len = 0;
        released = true;
    }
}
