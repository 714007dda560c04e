package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogTest {
    private static final Clock TEN_O_CLOCK = Clock.fixed(Instant.parse("2024-05-01T08:00:00.123Z"), ZoneOffset.ofHours(2));
    private static final long PID = ProcessHandle.current().pid();

    private final StringWriter sink = new StringWriter();

    private void assertLogged(String expected) {
        assertEquals(expected, sink.toString());
    }

    private Log log(LogLevel level, LogFormat format) {
        return new Log(level, format, sink, false, TEN_O_CLOCK);
    }

    @Nested
    class Levels {
        @Test
        void should_write_lines_at_or_above_the_active_level_only() {
            Log log = log(LogLevel.WARN, LogFormat.TEXT);

            log.trace("t");
            log.debug("d");
            log.info("i");
            log.warn("w");
            log.error("e");

            assertLogged("Warn: w\nError: e\n");
        }

        @Test
        void should_write_nothing_when_disabled() {
            Log log = log(LogLevel.DISABLED, LogFormat.TEXT);

            log.error("e");

            assertLogged("");
            assertFalse(log.enabled(LogLevel.ERROR));
        }

        @Test
        void should_enable_every_level_under_trace() {
            Log log = log(LogLevel.TRACE, LogFormat.TEXT);

            assertTrue(log.enabled(LogLevel.TRACE));
            assertTrue(log.enabled(LogLevel.DEBUG));
            assertFalse(log.enabled(LogLevel.DISABLED));
        }
    }

    @Nested
    class Text_format {
        @Test
        void should_leave_out_time_and_attributes_above_debug() {
            log(LogLevel.INFO, LogFormat.TEXT).info("start", "version", "0.1.0");

            assertLogged("Info: start\n");
        }

        @Test
        void should_add_local_time_pid_and_attributes_at_debug() {
            log(LogLevel.DEBUG, LogFormat.TEXT).info("completed execution", "exit_code", "0");

            assertLogged("10:00:00 Info: completed execution pid=" + PID + " exit_code=0\n");
        }

        @Test
        void should_quote_values_with_spaces_tabs_or_newlines_go_style() {
            log(LogLevel.TRACE, LogFormat.TEXT).info("m", "args", "dbtok, tokens, list", "error", "a \"b\"\nc",
                    "plain", "x\"y", "tab", "a\tb");

            assertLogged("10:00:00 Info: m pid=" + PID
                    + " args=\"dbtok, tokens, list\" error=\"a \\\"b\\\"\\nc\" plain=x\"y tab=\"a\\tb\"\n");
        }

        @Test
        void should_skip_null_attributes() {
            log(LogLevel.DEBUG, LogFormat.TEXT).debug("m", "profile", null, "host", "h");

            assertLogged("10:00:00 Debug: m pid=" + PID + " host=h\n");
        }

        @Test
        void should_write_a_multi_line_message_with_the_attributes_after_its_last_line() {
            log(LogLevel.DEBUG, LogFormat.TEXT).debug("GET /x\n< HTTP/1.1 200 OK", "sdk", true);

            assertLogged("10:00:00 Debug: GET /x\n< HTTP/1.1 200 OK pid=" + PID + " sdk=true\n");
        }
    }

    @Nested
    class Json_format {
        @Test
        void should_write_one_object_per_line_with_time_level_msg_pid_and_typed_attributes() {
            Log log = log(LogLevel.DEBUG, LogFormat.JSON);

            log.info("completed execution", "exit_code", "0");
            log.debug("GET /x\n< HTTP/1.1 200 OK", "sdk", true);
            log.warn("w", "count", 3);

            assertLogged("""
                    {"time":"2024-05-01T10:00:00.123+02:00","level":"INFO","msg":"completed execution","pid":%1$d,"exit_code":"0"}
                    {"time":"2024-05-01T10:00:00.123+02:00","level":"DEBUG","msg":"GET /x\\n< HTTP/1.1 200 OK","pid":%1$d,"sdk":true}
                    {"time":"2024-05-01T10:00:00.123+02:00","level":"WARNING","msg":"w","pid":%1$d,"count":3}
                    """.formatted(PID));
        }

        @Test
        void should_escape_strings_like_go_slog() {
            log(LogLevel.TRACE, LogFormat.JSON).trace("<a & b>\t\"q\" \\ \u0001 \u2028");

            assertTrue(sink.toString().contains("\"level\":\"TRACE\""), sink::toString);
            assertTrue(sink.toString().contains("\"msg\":\"<a & b>\\t\\\"q\\\" \\\\ \\u0001 \\u2028\""), sink::toString);
        }

        @Test
        void should_write_json_at_info_level_with_attributes() {
            log(LogLevel.INFO, LogFormat.JSON).info("start", "version", "1");

            assertTrue(sink.toString().endsWith("\"msg\":\"start\",\"pid\":" + PID + ",\"version\":\"1\"}\n"), sink::toString);
        }
    }

    @Nested
    class Hidden_secrets {
        @Test
        void should_mask_registered_secrets_in_messages_and_attributes_of_both_formats() {
            Log text = log(LogLevel.DEBUG, LogFormat.TEXT);
            text.hide("dapi-secret-value", null, "", "abc");

            text.debug("saw dapi-secret-value", "error", "also dapi-secret-value here", "short", "abc");

            assertLogged("10:00:00 Debug: saw **REDACTED** pid=" + PID
                    + " error=\"also **REDACTED** here\" short=abc\n");
            assertEquals("x **REDACTED**", text.redact("x dapi-secret-value"));
        }

        @Test
        void should_mask_secrets_in_json_lines() {
            Log json = log(LogLevel.DEBUG, LogFormat.JSON);
            json.hide("hunter22");

            json.info("hunter22", "password", "hunter22");

            assertFalse(sink.toString().contains("hunter22"), sink::toString);
            assertTrue(sink.toString().contains("\"msg\":\"**REDACTED**\""), sink::toString);
        }
    }
}
