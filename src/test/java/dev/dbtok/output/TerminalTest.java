package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TerminalTest {
    static final Map<String, String> PLAIN_ENV = Map.of("TERM", "xterm-256color");

    static Terminal terminal(boolean stdout, boolean stdin, boolean stderr, Map<String, String> env) {
        return new Terminal(stdout, stdin, stderr, env);
    }

    @Nested
    class Color_on_stdout {
        @Test
        void should_colour_when_stdout_is_a_terminal() {
            assertTrue(terminal(true, false, false, PLAIN_ENV).colorStdout());
        }

        @Test
        void should_not_colour_when_stdout_is_redirected() {
            assertFalse(terminal(false, true, true, PLAIN_ENV).colorStdout());
        }

        @Test
        void should_colour_when_no_color_is_set_but_empty() {
            assertTrue(terminal(true, true, true, Map.of("NO_COLOR", "")).colorStdout());
        }

        @ParameterizedTest
        @CsvSource({"1", "true", "0", "false"})
        void should_not_colour_when_no_color_has_any_value(String value) {
            assertFalse(terminal(true, true, true, Map.of("NO_COLOR", value)).colorStdout());
        }

        @Test
        void should_not_colour_a_dumb_terminal() {
            assertFalse(terminal(true, true, true, Map.of("TERM", "dumb")).colorStdout());
        }

        @Test
        void should_colour_without_term() {
            assertTrue(terminal(true, true, true, Map.of()).colorStdout());
        }
    }

    @Nested
    class Interactive {
        @ParameterizedTest(name = "stdin={0} stderr={1} stdout={2} -> {3}")
        @CsvSource({
                "true,  true,  false, true",
                "true,  true,  true,  true",
                "false, true,  true,  false",
                "true,  false, true,  false",
                "false, false, true,  false",
        })
        void should_need_stdin_and_stderr_terminals(boolean stdin, boolean stderr, boolean stdout, boolean expected) {
            assertEquals(expected, terminal(stdout, stdin, stderr, PLAIN_ENV).interactive());
        }

        @Test
        void should_not_prompt_with_no_color_set() {
            assertFalse(terminal(true, true, true, Map.of("NO_COLOR", "1")).interactive());
        }

        @Test
        void should_not_prompt_on_a_dumb_terminal() {
            assertFalse(terminal(true, true, true, Map.of("TERM", "dumb")).interactive());
        }
    }

    @Test
    void none_is_neither_coloured_nor_interactive() {
        assertFalse(Terminal.none().colorStdout());
        assertFalse(Terminal.none().interactive());
    }

    @Test
    void should_keep_its_own_copy_of_the_environment() {
        Map<String, String> env = new HashMap<>();
        Terminal terminal = terminal(true, true, true, env);

        env.put("NO_COLOR", "1");

        assertTrue(terminal.colorStdout());
    }
}
