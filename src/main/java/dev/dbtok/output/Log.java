package dev.dbtok.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * dbtok's log (output.md §5): lines at or above the active level go to the log destination, in the official CLI's
 * text format or as JSON lines.
 *
 * <p>Text lines are {@code Warn: msg} while the active level is {@code info} or higher; at {@code debug} and
 * {@code trace} they become {@code HH:MM:SS Debug: msg pid=N key=value ...}, values with a space, tab or newline
 * quoted Go-style. JSON lines are {@code {"time":...,"level":"DEBUG","msg":...,"pid":N,...}}.
 *
 * <p>Attributes are given as key, value pairs; values are strings, numbers or booleans ({@code pid} is added to
 * every line). Secrets registered with {@link #hide(String...)} are replaced in every line, whatever code logged
 * them. Nothing is formatted below the active level, so the default {@code warn} costs nothing per request.
 */
public final class Log implements Closeable {
    /** What a hidden secret becomes in a log line or an error. */
    public static final String REDACTED = "**REDACTED**";
    /** Shorter values would garble unrelated words of every line, and hide nothing worth hiding. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final LogLevel level;
    private final LogFormat format;
    private final Writer sink;
    private final boolean ownsSink;
    /** Null until a line is written: looking up the time zone costs start-up time that a quiet run need not pay. */
    private Clock clock;
    private final Set<String> secrets = new LinkedHashSet<>();
    private long pid = -1;
    /** Where a log file that stops taking lines is reported, once; null for stderr and stdout, which never fail. */
    private PrintWriter failures;
    private String fileName;
    private boolean broken;

    /** @param clock the time of log lines; null for the system clock in the local time zone */
    Log(LogLevel level, LogFormat format, Writer sink, boolean ownsSink, Clock clock) {
        this.level = level;
        this.format = format;
        this.sink = sink;
        this.ownsSink = ownsSink;
        this.clock = clock;
    }

    /**
     * The log of one run.
     *
     * @param destination {@code stderr} or {@code stdout} (any case), or a path: appended to, and created
     *                    readable by the owner only
     * @param out         the run's stdout, used only when {@code destination} is {@code stdout}
     * @param err         the run's stderr
     * @throws LogFileException if the file cannot be opened
     */
    public static Log open(LogLevel level, LogFormat format, String destination, PrintWriter out, PrintWriter err) {
        return switch (destination.toLowerCase(Locale.ROOT)) {
            case "stderr" -> new Log(level, format, err, false, null);
            case "stdout" -> new Log(level, format, out, false, null);
            default -> new Log(level, format,
                    new OutputStreamWriter(LogFile.openForAppend(destination), StandardCharsets.UTF_8), true, null)
                    .reportingFailures(destination, err);
        };
    }

    /**
     * A log file that fails later (a full disk) must not fail the command, which may have just created a token: the
     * failure is reported once on {@code err} and logging stops.
     */
    Log reportingFailures(String fileName, PrintWriter err) {
        this.fileName = fileName;
        this.failures = err;
        return this;
    }

    /** A log that writes nothing, for code run outside a command (tests, tools). */
    public static Log disabled() {
        return new Log(LogLevel.DISABLED, LogFormat.TEXT, Writer.nullWriter(), false, null);
    }

    /** The active level. */
    public LogLevel level() {
        return level;
    }

    /** Whether a line at {@code lineLevel} would be written; callers check it before costly formatting. */
    public boolean enabled(LogLevel lineLevel) {
        return lineLevel != LogLevel.DISABLED && level != LogLevel.DISABLED && lineLevel.compareTo(level) >= 0;
    }

    /**
     * Registers values that must never appear in a log line or an error (the configured token, password, client
     * secret). Null, empty and very short values are ignored.
     */
    public synchronized void hide(String... values) {
        for (String value : values) {
            if (value != null && value.length() >= MIN_SECRET_LENGTH) {
                secrets.add(value);
            }
        }
    }

    /** {@code text} with every registered secret replaced by {@link #REDACTED}. */
    public synchronized String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    public void trace(String message, Object... attributes) {
        log(LogLevel.TRACE, message, attributes);
    }

    public void debug(String message, Object... attributes) {
        log(LogLevel.DEBUG, message, attributes);
    }

    public void info(String message, Object... attributes) {
        log(LogLevel.INFO, message, attributes);
    }

    public void warn(String message, Object... attributes) {
        log(LogLevel.WARN, message, attributes);
    }

    public void error(String message, Object... attributes) {
        log(LogLevel.ERROR, message, attributes);
    }

    /**
     * Writes one line (a message may span several lines, as HTTP dumps do) if {@code lineLevel} is enabled.
     *
     * @param attributes key, value, key, value...; values are {@link String}, {@link Number} or {@link Boolean}
     *                   (anything else is logged as its string form); a {@code null} value is skipped
     */
    public void log(LogLevel lineLevel, String message, Object... attributes) {
        if (!enabled(lineLevel)) {
            return;
        }
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be key, value pairs");
        }
        String line = format == LogFormat.JSON
                ? jsonLine(lineLevel, message, attributes)
                : textLine(lineLevel, message, attributes);
        write(line);
    }

    private String textLine(LogLevel lineLevel, String message, Object[] attributes) {
        boolean detailed = level.compareTo(LogLevel.DEBUG) <= 0;
        StringBuilder b = new StringBuilder(message.length() + 64);
        if (detailed) {
            b.append(ZonedDateTime.now(clock()).format(TextTime.FORMAT)).append(' ');
        }
        b.append(lineLevel.textName()).append(": ").append(redact(message));
        if (detailed) {
            b.append(" pid=").append(pid());
            for (int i = 0; i < attributes.length; i += 2) {
                Object value = attributes[i + 1];
                if (value != null) {
                    b.append(' ').append(attributes[i]).append('=').append(textValue(redact(String.valueOf(value))));
                }
            }
        }
        return b.append('\n').toString();
    }

    private String jsonLine(LogLevel lineLevel, String message, Object[] attributes) {
        StringBuilder b = new StringBuilder(message.length() + 96);
        b.append("{\"time\":");
        LogJson.string(b, OffsetDateTime.now(clock()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        b.append(",\"level\":");
        LogJson.string(b, lineLevel.jsonName());
        b.append(",\"msg\":");
        LogJson.string(b, redact(message));
        b.append(",\"pid\":").append(pid());
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            b.append(',');
            LogJson.string(b, String.valueOf(attributes[i]));
            b.append(':');
            if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
                b.append(value);
            } else {
                LogJson.string(b, redact(String.valueOf(value)));
            }
        }
        return b.append("}\n").toString();
    }

    /** Go's friendly handler quotes a value (with {@code %q}) when it holds a space, tab or newline. */
    static String textValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                return goQuote(value);
            }
        }
        return value;
    }

    private static String goQuote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private Clock clock() {
        if (clock == null) {
            clock = Clock.systemDefaultZone();
        }
        return clock;
    }

    private long pid() {
        if (pid < 0) {
            pid = ProcessHandle.current().pid();
        }
        return pid;
    }

    /** Whole lines only, flushed at once, so a crash never leaves half a line and order across streams holds. */
    private synchronized void write(String line) {
        if (broken) {
            return;
        }
        try {
            sink.write(line);
            sink.flush();
        } catch (IOException e) {
            stopAfter(e);
        }
    }

    private void stopAfter(IOException e) {
        if (failures == null) {
            throw new UncheckedIOException(e);
        }
        broken = true;
        failures.print("Warning: cannot write log file " + fileName + ": " + LogFile.reason(e)
                + "; no more lines are logged\n");
        failures.flush();
    }

    /** Built when the first detailed line is written: java.time's formatting classes are slow to load. */
    private static final class TextTime {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    }

    /** Flushes, and closes the log file if there is one; stdout and stderr stay open. */
    @Override
    public synchronized void close() {
        try {
            if (ownsSink) {
                sink.close();
            } else {
                sink.flush();
            }
        } catch (IOException e) {
            if (!broken) {
                stopAfter(e);
            }
        }
    }
}
