package dev.dbtok.output;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The string escapes of Go's {@code encoding/json} (HTML-safe, as {@code json.Marshal} uses them).
 *
 * <p>Jackson's own escapes differ in three ways: it leaves {@code < > &} and U+2028/U+2029 raw, and
 * it writes other control characters with upper-case hex. Every character that Go escapes is
 * therefore a custom escape here, so the result does not depend on Jackson's defaults.
 * {@code /}, DEL and all other non-ASCII characters stay raw, as in Go.
 */
final class GoJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    static final GoJsonEscapes INSTANCE = new GoJsonEscapes();

    private static final int[] ASCII_CODES = asciiCodes();
    private static final SerializedString[] ASCII_SEQUENCES = asciiSequences();
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private GoJsonEscapes() {
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII_CODES;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < ASCII_SEQUENCES.length) {
            return ASCII_SEQUENCES[ch];
        }
        if (ch == 0x2028) {
            return LINE_SEPARATOR;
        }
        if (ch == 0x2029) {
            return PARAGRAPH_SEPARATOR;
        }
        return null;
    }

    private static int[] asciiCodes() {
        // Starts from Jackson's table so that '"' and '\\' keep their standard two-character escapes.
        int[] codes = CharacterEscapes.standardAsciiEscapesForJSON();
        SerializedString[] sequences = asciiSequences();
        for (int c = 0; c < sequences.length; c++) {
            if (sequences[c] != null) {
                codes[c] = ESCAPE_CUSTOM;
            }
        }
        return codes;
    }

    private static SerializedString[] asciiSequences() {
        SerializedString[] sequences = new SerializedString[128];
        for (int c = 0; c < 0x20; c++) {
            sequences[c] = new SerializedString(String.format("\\u%04x", c));
        }
        // Go 1.22 and later use the short forms for \b and \f too.
        sequences['\b'] = new SerializedString("\\b");
        sequences['\f'] = new SerializedString("\\f");
        sequences['\n'] = new SerializedString("\\n");
        sequences['\r'] = new SerializedString("\\r");
        sequences['\t'] = new SerializedString("\\t");
        sequences['<'] = new SerializedString("\\u003c");
        sequences['>'] = new SerializedString("\\u003e");
        sequences['&'] = new SerializedString("\\u0026");
        return sequences;
    }
}
