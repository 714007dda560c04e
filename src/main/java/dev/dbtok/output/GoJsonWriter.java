package dev.dbtok.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes JSON token by token in the layout of Go's {@code json.MarshalIndent(v, "", "  ")} with Go's string escapes,
 * the same bytes {@link JsonOutput} prints, at a fraction of its cost: for listings of many thousand items that are
 * written field by field (keys in sorted order, absent fields left out by the caller).
 *
 * <p>It encodes UTF-8 itself, into a byte buffer that goes straight to stdout's byte stream when the writer is a
 * {@link Utf8PrintWriter} ({@link Utf8Target}): printing 40 MB through a writer's encoder cost about a quarter more.
 *
 * <p>Output is held in memory until {@value #HOLD} bytes are reached, then passed on in chunks of that size. A
 * listing that fails before that point is dropped with {@link #abandon()} and prints nothing; a longer one has
 * already printed its first items. I/O failures surface as {@link UncheckedIOException}.
 */
public final class GoJsonWriter {
    /** Bytes held before the first write: about 2 500 tokens of a token listing. */
    static final int HOLD = 1 << 20;
    /** Room kept for one escaped or encoded character (at most 6 bytes) after a run of plain ones. */
    private static final int ONE_CHAR = 8;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The ASCII characters Go writes as they are: printable ones but the quote, the backslash and HTML's three. */
    private static final boolean[] PLAIN = new boolean[128];
    /** A line break and the indent of up to 32 levels; deeper ones are written space by space. */
    private static final byte[] NEWLINE_INDENT = new byte[1 + 64];
    /** Two decimal digits for each of 0..99. */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            PLAIN[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
        }
        Arrays.fill(NEWLINE_INDENT, (byte) ' ');
        NEWLINE_INDENT[0] = '\n';
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** A key, encoded once: {@code "name": }. */
    public static final class Key {
        private final byte[] bytes;

        private Key(String name) {
            this.bytes = ('"' + name + "\": ").getBytes(StandardCharsets.UTF_8);
        }
    }

    private final Utf8Target out;
    private final byte[] buf = new byte[HOLD];
    private int len;
    private char[] chars = new char[64];
    private boolean released;
    /** Per open container: whether it has an element yet. */
    private boolean[] nonEmpty = new boolean[16];
    private int depth;
    private boolean afterName;

    public GoJsonWriter(Writer out) {
        this.out = Utf8Target.of(out);
    }

    /** The key {@code name}, to be written with {@link #name(Key)}; it is written as given, so it must need no escapes. */
    public static Key key(String name) {
        return new Key(name);
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
        name(key(name));
    }

    public void name(Key key) {
        separate();
        byte[] bytes = key.bytes;
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
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
            field(key(name), values);
        }
    }

    /** {@link #field(String, String)} with a key encoded once. */
    public void field(Key key, String value) {
        if (value != null) {
            name(key);
            value(value);
        }
    }

    /** {@link #field(String, Long)} with a key encoded once. */
    public void field(Key key, Long value) {
        if (value != null) {
            name(key);
            value(value.longValue());
        }
    }

    /** {@link #field(String, List)} with a key encoded once. */
    public void field(Key key, List<String> values) {
        if (values != null && !values.isEmpty()) {
            name(key);
            beginArray();
            for (String value : values) {
                value(value);
            }
            endArray();
        }
    }

    public void value(long value) {
        separate();
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            buf[len++] = '-';
            value = -value;
        }
        // Split in parts below 10^9: C1, which the launcher runs with, divides longs by a constant the slow way.
        if (value >= 1_000_000_000L) {
            long high = value / 1_000_000_000L;
            int low = (int) (value - high * 1_000_000_000L);
            if (high >= 1_000_000_000L) {
                int top = (int) (high / 1_000_000_000L);
                digits(top);
                nineDigits((int) (high - top * 1_000_000_000L));
            } else {
                digits((int) high);
            }
            nineDigits(low);
        } else {
            digits((int) value);
        }
    }

    /** {@code v} (0 or more) in as many digits as it takes. */
    private void digits(int v) {
        int n = 1;
        while (n < 10 && v >= POWERS_OF_TEN[n]) {
            n++;
        }
        writeDigits(v, n);
    }

    /** {@code v} (below 10^9) in exactly nine digits. */
    private void nineDigits(int v) {
        writeDigits(v, 9);
    }

    /** The last {@code n} digits of {@code v} (0 or more), two at a time. */
    private void writeDigits(int v, int n) {
        int end = len + n;
        int p = end;
        while (p - len >= 2) {
            // v / 100 as a multiplication, exact for every int v >= 0: C1 would divide.
            int q = (int) ((v * 1374389535L) >>> 37);
            int r = (v - q * 100) * 2;
            buf[--p] = DIGIT_PAIRS[r + 1];
            buf[--p] = DIGIT_PAIRS[r];
            v = q;
        }
        if (p > len) {
            buf[--p] = (byte) ('0' + v);
        }
        len = end;
    }

    public void nullValue() {
        separate();
        ensure(NULL.length);
        System.arraycopy(NULL, 0, buf, len, NULL.length);
        len += NULL.length;
    }

    /** A string with Go's escapes; {@code null} writes {@code null}. */
    public void value(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        separate();
        int n = value.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        value.getChars(0, n, cs, 0);
        ensure(1);
        buf[len++] = '"';
        byte[] b = buf;
        int i = 0;
        while (i < n) {
            if (b.length - len <= ONE_CHAR) {
                drain();
            }
            // A run of characters written as they are, then at most one that is not, all within the buffer.
            int end = Math.min(n, i + (b.length - len - ONE_CHAR));
            int p = len;
            char c;
            while (i < end && (c = cs[i]) < 0x80 && PLAIN[c]) {
                b[p++] = (byte) c;
                i++;
            }
            len = p;
            if (i < end) {
                i = special(cs, i, n);
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    /**
     * Writes {@code cs[i]}, which is not a plain ASCII character (escaped, or encoded in several bytes), and returns
     * the index of the next character. The buffer has room for {@value #ONE_CHAR} bytes.
     */
    private int special(char[] cs, int i, int n) {
        char c = cs[i];
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
                    unicodeEscape(c);
                } else if (c < 0x80) {
                    buf[len++] = (byte) c; // DEL
                } else if (c < 0x800) {
                    buf[len++] = (byte) (0xc0 | (c >> 6));
                    buf[len++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                    int cp = Character.toCodePoint(c, cs[i + 1]);
                    buf[len++] = (byte) (0xf0 | (cp >> 18));
                    buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    buf[len++] = (byte) (0x80 | (cp & 0x3f));
                    return i + 2;
                } else {
                    // Half a pair is, as Go's decoder sees it, the replacement character.
                    char d = Character.isSurrogate(c) ? UnpairedSurrogates.REPLACEMENT : c;
                    buf[len++] = (byte) (0xe0 | (d >> 12));
                    buf[len++] = (byte) (0x80 | ((d >> 6) & 0x3f));
                    buf[len++] = (byte) (0x80 | (d & 0x3f));
                }
            }
        }
        return i + 1;
    }

    /**
     * A string given as the JSON string that holds it, quotes included, {@code json[from]} to before {@code json[to]}:
     * one with no escape and no control character, in well-formed UTF-8. It is written as {@link #value(String)}
     * writes the string, with Go's escapes for {@code <}, {@code >}, {@code &}, U+2028 and U+2029, the only
     * characters of such a string that Go escapes; everything else is copied.
     */
    public void plainString(byte[] json, int from, int to) {
        separate();
        byte[] b = buf;
        int i = from;
        while (i < to) {
            if (b.length - len <= ONE_CHAR) {
                drain();
            }
            int end = Math.min(to, i + (b.length - len - ONE_CHAR));
            int p = len;
            byte c;
            while (i < end && (c = json[i]) != '<' && c != '>' && c != '&' && c != (byte) 0xe2) {
                b[p++] = c;
                i++;
            }
            len = p;
            if (i < end) {
                c = json[i];
                if (c == (byte) 0xe2 && i + 2 < to && json[i + 1] == (byte) 0x80
                        && (json[i + 2] == (byte) 0xa8 || json[i + 2] == (byte) 0xa9)) {
                    unicodeEscape(json[i + 2] == (byte) 0xa8 ? '\u2028' : '\u2029');
                    i += 3;
                } else if (c == (byte) 0xe2) {
                    b[len++] = c;
                    i++;
                } else {
                    unicodeEscape((char) c);
                    i++;
                }
            }
        }
    }

    /**
     * An integer given as its JSON number, {@code json[from]} to before {@code json[to]}: an optional minus and
     * digits without leading zeros, which are written as they are ({@code -0} as {@code 0}, as Go prints it).
     */
    public void plainInteger(byte[] json, int from, int to) {
        separate();
        int n = to - from;
        if (n == 2 && json[from] == '-' && json[from + 1] == '0') {
            from++;
            n = 1;
        }
        ensure(n);
        System.arraycopy(json, from, buf, len, n);
        len += n;
    }

    /** A list given as its JSON array of strings as {@link #plainString} takes them, {@code json[from]} to before {@code json[to]}. */
    public void plainStrings(byte[] json, int from, int to) {
        beginArray();
        int i = from;
        while (true) {
            while (i < to && json[i] != '"') {
                i++;
            }
            if (i == to) {
                break;
            }
            int start = i++;
            while (json[i] != '"') {
                i++;
            }
            plainString(json, start, ++i);
        }
        endArray();
    }

    /** The final newline Go's renderer adds after the document. */
    public void newline() {
        ensure(1);
        buf[len++] = '\n';
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

    /** {@code \\uXXXX}; the buffer has room for it. */
    private void unicodeEscape(char c) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[c >> 12];
        buf[len++] = HEX[(c >> 8) & 0xf];
        buf[len++] = HEX[(c >> 4) & 0xf];
        buf[len++] = HEX[c & 0xf];
    }

    private void pair(char c) {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
    }

    private void open(char bracket) {
        separate();
        ensure(1);
        buf[len++] = (byte) bracket;
        if (++depth == nonEmpty.length) {
            nonEmpty = Arrays.copyOf(nonEmpty, depth * 2);
        }
        nonEmpty[depth] = false;
    }

    private void close(char bracket) {
        if (nonEmpty[depth]) {
            indent(depth - 1);
        }
        depth--;
        ensure(1);
        buf[len++] = (byte) bracket;
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
        int n = 1 + 2 * level;
        ensure(n);
        if (n <= NEWLINE_INDENT.length) {
            System.arraycopy(NEWLINE_INDENT, 0, buf, len, n);
            len += n;
            return;
        }
        buf[len++] = '\n';
        Arrays.fill(buf, len, len + n - 1, (byte) ' ');
        len += n - 1;
    }

    /** ASCII text that needs no escape. */
    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
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

    private void drainTo(Utf8Target target) throws IOException {
        target.write(buf, 0, len);
        len = 0;
        released = true;
    }
}
