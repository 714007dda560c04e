package dev.dbtok.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cursor over JSON bytes as they arrive, for the fast path of long listings ({@link ListScanner}). It reads only the
 * plainest JSON: strings without escapes or control characters in well-formed UTF-8, integers of up to 18 digits,
 * {@code null}, {@code true}, {@code false}, and spaces, tabs and line feeds between them. Anything else, broken JSON
 * included, it declines ({@link Decline}), and {@link #handOff} gives Jackson's parser the body from the last
 * {@link #mark()} on, so that Jackson decodes or refuses it exactly as it does a whole body.
 *
 * <p>Positions are counted as Jackson counts them (lines, and columns in bytes), so that an error Jackson reports
 * after a hand-off can be placed in the body ({@link ResumedAt}).
 */
final class JsonBytes {
    /** Where the cursor declines. No stack: it is control flow, met at most once per listing. */
    static final class Decline extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super("declined", null, false, false);
        }
    }

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Longer integers may not fit in a {@code long}; Jackson reads them. */
    private static final int MAX_DIGITS = 18;
    /**
     * Longer strings and names are left to Jackson, which refuses some of them (its read constraints: strings of more
     * than 20 million characters, names of more than 50 000 bytes); no token field comes near either.
     */
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_NAME = 1 << 10;
    /**
     * The most that is kept from the mark on (a token, or the whitespace after one): past it the rest is Jackson's,
     * which reads whitespace and skipped values without holding them.
     */
    private static final int MAX_KEPT = 1 << 22;

    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    /** The offset in the body of {@code buf[0]}. */
    private long base;
    /** The line of {@code pos} (from 1) and the offset in the body where it starts. */
    private int line = 1;
    private long lineStart;
    /** The start of the token being read; kept in the buffer, as everything from the mark on is. */
    private int start;
    private int mark;
    private int markLine = 1;
    private long markLineStart;

    JsonBytes(InputStream in) {
        this.in = in;
    }

    static Decline decline() {
        return Decline.INSTANCE;
    }

    /** The point {@link #handOff} resumes from: everything before it has been read for good. */
    void mark() {
        mark = pos;
        markLine = line;
        markLineStart = lineStart;
    }

    /**
     * The body from the mark on, after {@code prefix}, as a stream for Jackson's parser; this cursor is done. A failure
     * to read the rest of the body surfaces from the stream, as it would have from the body itself.
     */
    InputStream handOff(byte[] prefix) {
        ByteArrayOutputStream head = new ByteArrayOutputStream(prefix.length + end - mark);
        head.writeBytes(prefix);
        head.write(buf, mark, end - mark);
        InputStream buffered = new ByteArrayInputStream(head.toByteArray());
        buf = null;
        return eof ? buffered : new SequenceInputStream(buffered, in);
    }

    /** Where the mark is, for an error Jackson reports in the stream {@link #handOff} gives after {@code prefix}. */
    ResumedAt resumedAt(byte[] prefix) {
        return new ResumedAt(markLine, (int) (base + mark - markLineStart) + 1, prefix.length);
    }

    /** The next byte after whitespace, not consumed. Declines at the end of the body. */
    int peek() throws IOException {
        while (true) {
            if (pos == end && !fill()) {
                throw decline();
            }
            byte b = buf[pos];
            if (b == ' ' || b == '\t') {
                pos++;
            } else if (b == '\n') {
                pos++;
                line++;
                lineStart = base + pos;
            } else if (b == '\r') {
                throw decline(); // Jackson counts "\r\n" and a lone "\r" as line breaks its own way: left to it
            } else {
                return b;
            }
        }
    }

    /** Consumes the byte {@link #peek()} returned. */
    void skip() {
        pos++;
    }

    /** Consumes {@code c} after whitespace, or declines. */
    void expect(char c) throws IOException {
        if (peek() != c) {
            throw decline();
        }
        pos++;
    }

    /**
     * A field name (the cursor after whitespace on its quote) and its colon: the index of the name in {@code names},
     * or -1 for another one. Names are plain ASCII; {@code guess} is the index tried first.
     */
    int name(byte[][] names, int guess) throws IOException {
        if (peek() != '"') {
            throw decline();
        }
        start = ++pos;
        byte b;
        while (true) {
            byte[] bs = buf;
            int p = pos;
            int e = end;
            while (p < e && (b = bs[p]) >= 0x20 && b != '"' && b != '\\') {
                p++;
            }
            pos = p;
            if (p < e) {
                break;
            }
            if (!fill()) {
                throw decline();
            }
        }
        if (buf[pos] != '"') {
            throw decline(); // an escape, a control character, or more than ASCII: Jackson decodes it
        }
        if (pos - start > MAX_NAME) {
            throw decline();
        }
        int found = -1;
        if (guess >= 0 && guess < names.length && isName(names[guess])) {
            found = guess;
        } else {
            for (int i = 0; i < names.length; i++) {
                if (isName(names[i])) {
                    found = i;
                    break;
                }
            }
        }
        pos++;
        expect(':');
        return found;
    }

    /** Whether the name just read, from {@code start} to the cursor, is {@code name}. */
    private boolean isName(byte[] name) {
        int length = name.length;
        if (pos - start != length) {
            return false;
        }
        byte[] bs = buf;
        int from = start;
        for (int i = 0; i < length; i++) {
            if (bs[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** A string or {@code null}, after whitespace. */
    String stringOrNull() throws IOException {
        int b = peek();
        if (b == '"') {
            return string();
        }
        if (b != 'n') {
            throw decline(); // another value: the mapper converts or refuses it
        }
        literal(NULL);
        return null;
    }

    /** A 64-bit integer or {@code null}, after whitespace. */
    Long int64OrNull() throws IOException {
        int b = peek();
        if (b == 'n') {
            literal(NULL);
            return null;
        }
        return int64();
    }

    /** A list of strings, after whitespace; {@code null} reads as an empty list, as the mapper reads it. */
    List<String> stringsOrNull() throws IOException {
        List<String> values = new ArrayList<>();
        strings(values);
        return values;
    }

    /**
     * The cursor's position counted from the mark, which stays valid while the buffer is refilled: for the ranges of
     * {@link #stringAt()} and the like, and {@link #copyFrom}.
     */
    int offset() {
        return pos - mark;
    }

    /** The bytes from {@code offset} (see {@link #offset()}) to the cursor. */
    byte[] copyFrom(int offset) {
        return Arrays.copyOfRange(buf, mark + offset, pos);
    }

    /** Steps over a string, after whitespace: its {@link #offset()}, or -1 for {@code null}. */
    int stringAt() throws IOException {
        int b = peek();
        if (b == '"') {
            int at = pos - mark;
            scanString();
            return at;
        }
        if (b != 'n') {
            throw decline(); // another value: the mapper converts or refuses it
        }
        literal(NULL);
        return -1;
    }

    /** Steps over an integer as {@link #int64OrNull()} reads it, after whitespace: its {@link #offset()}, or -1 for {@code null}. */
    int int64At() throws IOException {
        int b = peek();
        if (b == 'n') {
            literal(NULL);
            return -1;
        }
        int at = pos - mark;
        int64();
        return at;
    }

    /** Steps over a list as {@link #stringsOrNull()} reads it, after whitespace: its {@link #offset()}, or -1 for {@code null}. */
    int stringsAt() throws IOException {
        return strings(null);
    }

    /**
     * Steps over a list of strings or {@code null}, after whitespace, adding its strings to {@code values} unless that
     * is {@code null}: its {@link #offset()}, or -1 for {@code null}.
     */
    private int strings(List<String> values) throws IOException {
        if (peek() == 'n') {
            literal(NULL);
            return -1;
        }
        int at = pos - mark;
        expect('[');
        if (peek() == ']') {
            pos++;
            return at;
        }
        while (true) {
            if (peek() != '"') {
                throw decline();
            }
            if (values == null) {
                scanString();
            } else {
                values.add(string());
            }
            int b = peek();
            pos++;
            if (b == ']') {
                return at;
            }
            if (b != ',') {
                throw decline();
            }
        }
    }

    /** After a field's value: consumes the comma or the object's closing brace (true), or declines. */
    boolean endOfObject() throws IOException {
        int b = peek();
        pos++;
        if (b == '}') {
            return true;
        }
        if (b != ',') {
            throw decline();
        }
        return false;
    }

    /** A value that is read and dropped (of a field nobody asked for): a string, an integer or a literal. */
    void skipScalar() throws IOException {
        switch (peek()) {
            case '"' -> scanString();
            case 'n' -> literal(NULL);
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            default -> int64();
        }
    }

    /** The string whose opening quote the cursor is on. */
    private String string() throws IOException {
        boolean ascii = scanString();
        return new String(buf, start, pos - 1 - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * Steps over the string whose opening quote the cursor is on; its characters are then from {@code start} to before
     * the cursor. Returns whether they are all ASCII.
     */
    private boolean scanString() throws IOException {
        start = ++pos;
        boolean ascii = true;
        while (true) {
            byte[] bs = buf;
            int p = pos;
            int e = end;
            byte b = 0;
            while (p < e && (b = bs[p]) >= 0x20 && b != '"' && b != '\\') {
                p++;
            }
            pos = p;
            if (p == e) {
                if (!fill()) {
                    throw decline();
                }
            } else if (b == '"') {
                break;
            } else if (b < 0) {
                ascii = false;
                utf8(b & 0xff);
            } else {
                throw decline(); // an escape or a control character
            }
        }
        if (pos - start > MAX_STRING) {
            throw decline();
        }
        pos++;
        return ascii;
    }

    /**
     * Steps over one well-formed UTF-8 sequence whose lead byte {@code lead} the cursor is on. Overlong forms,
     * surrogates and the like are declined: Jackson decodes some of them its own way.
     */
    private void utf8(int lead) throws IOException {
        int more;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            more = 1;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            more = 2;
            if (lead == 0xe0) {
                low = 0xa0;
            } else if (lead == 0xed) {
                high = 0x9f;
            }
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            more = 3;
            if (lead == 0xf0) {
                low = 0x90;
            } else if (lead == 0xf4) {
                high = 0x8f;
            }
        } else {
            throw decline();
        }
        // Byte by byte, as Jackson refuses a wrong byte as soon as it has it.
        available(2);
        int second = buf[pos + 1] & 0xff;
        if (second < low || second > high) {
            throw decline();
        }
        for (int i = 2; i <= more; i++) {
            available(i + 1);
            if ((buf[pos + i] & 0xc0) != 0x80) {
                throw decline();
            }
        }
        pos += 1 + more;
    }

    /** An integer of at most {@value #MAX_DIGITS} digits, without a fraction or exponent (the caller checks what follows). */
    private long int64() throws IOException {
        if (pos == end && !fill()) {
            throw decline();
        }
        boolean negative = buf[pos] == '-';
        if (negative) {
            pos++;
        }
        start = pos;
        long value = 0;
        if (end - pos > MAX_DIGITS) {
            // The usual case, with the digits and what ends them in the buffer: no checks for its end.
            byte[] bs = buf;
            int p = pos;
            int digit;
            while (p - start <= MAX_DIGITS && (digit = bs[p] - '0') >= 0 && digit <= 9) {
                value = value * 10 + digit;
                p++;
            }
            pos = p;
        } else {
            while (true) {
                if (pos == end && !fill()) {
                    throw decline();
                }
                int digit = buf[pos] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                // Refused (or left to Jackson) at the digit that makes it so, as Jackson does, not at the number's end.
                if (pos - start >= MAX_DIGITS || (pos - start == 1 && buf[start] == '0')) {
                    throw decline();
                }
                value = value * 10 + digit;
                pos++;
            }
        }
        int digits = pos - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && buf[start] == '0')) {
            throw decline();
        }
        return negative ? -value : value;
    }

    /** {@code word} at the cursor, or a decline. */
    private void literal(byte[] word) throws IOException {
        // Byte by byte: Jackson refuses a wrong literal at its first wrong byte, without waiting for the next ones
        // (which a broken connection may never deliver).
        for (int i = 0; i < word.length; i++) {
            available(i + 1);
            if (buf[pos + i] != word[i]) {
                throw decline();
            }
        }
        pos += word.length;
    }

    /** Makes {@code n} bytes from the cursor on readable, or declines. */
    private void available(int n) throws IOException {
        while (end - pos < n) {
            if (!fill()) {
                throw decline();
            }
        }
    }

    /** Reads more of the body, keeping what follows the mark; false at its end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (mark > 0) {
            int kept = end - mark;
            System.arraycopy(buf, mark, buf, 0, kept);
            base += mark;
            pos -= mark;
            start -= mark;
            end = kept;
            mark = 0;
        }
        if (end == buf.length) {
            if (buf.length >= MAX_KEPT) {
                throw decline();
            }
            buf = Arrays.copyOf(buf, buf.length * 2); // one item longer than the buffer
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        if (n == 0) {
            throw decline(); // a stream that breaks its contract: Jackson reports it
        }
        end += n;
        return true;
    }

    /**
     * The position in the body of the stream {@link #handOff} gave: its first line is the rest of the mark's line,
     * after a prefix of {@code prefixLength} bytes.
     */
    record ResumedAt(int line, int column, int prefixLength) {
        /** The line in the body of {@code handOffLine}. */
        int lineInBody(int handOffLine) {
            return line + handOffLine - 1;
        }

        /** The column in the body of {@code handOffColumn} on {@code handOffLine}. */
        int columnInBody(int handOffLine, int handOffColumn) {
            return handOffLine == 1 ? column + handOffColumn - 1 - prefixLength : handOffColumn;
        }
    }
}
