package dev.dbtok.output;

import java.util.Locale;

/**
 * JSON strings for JSON log lines, written by hand so that logging never loads Jackson. The escapes are those of
 * Go's {@code log/slog} JSON handler: {@code \" \\ \n \r \t}, other control characters as six-character
 * escapes with lower-case hex, U+2028 and U+2029 escaped, and {@code < > &} left raw. An unpaired surrogate
 * becomes U+FFFD, as Go writes invalid UTF-8.
 */
final class LogJson {
    private LogJson() {
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        b.append('\ufffd');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
