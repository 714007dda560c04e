package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedactorTest {
    private final Redactor redactor = new Redactor(96);

    private String body(Redactor r, String body) {
        return String.join("\n", r.body(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Json_bodies {
        @Test
        void should_reprint_with_sorted_keys_and_two_space_indent() {
            assertEquals("""
                    {
                      "a": [
                        1,
                        true,
                        null
                      ],
                      "b": {},
                      "c": "x \\u003c y"
                    }""", body(redactor, "{\"c\":\"x < y\",\"b\":{},\"a\":[1,true,null]}"));
        }

        @Test
        void should_redact_every_secret_key_at_any_depth_whatever_the_type() {
            String dump = body(redactor, """
                    {"token_value": "dapi1", "token_info": {"comment": "c"},
                     "nested": [{"access_token": "a", "refresh_token": "r", "id_token": "i", "password": "p",
                                 "client_secret": "s", "string_value": "v", "content": {"x": 1}, "token": {"token_id": "t"}}]}
                    """);

            assertEquals("""
                    {
                      "nested": [
                        {
                          "access_token": "**REDACTED**",
                          "client_secret": "**REDACTED**",
                          "content": "**REDACTED**",
                          "id_token": "**REDACTED**",
                          "password": "**REDACTED**",
                          "refresh_token": "**REDACTED**",
                          "string_value": "**REDACTED**",
                          "token": "**REDACTED**"
                        }
                      ],
                      "token_info": {
                        "comment": "c"
                      },
                      "token_value": "**REDACTED**"
                    }""", dump);
        }

        @Test
        void should_truncate_long_strings_but_not_keys() {
            String longValue = "x".repeat(100);

            assertEquals("{\n  \"k\": \"" + "x".repeat(96) + "... (4 more bytes)\"\n}",
                    body(redactor, "{\"k\": \"" + longValue + "\"}"));
        }

        @Test
        void should_honour_debug_truncate_bytes() {
            assertEquals("\"abcd... (2 more bytes)\"", body(new Redactor(4), "\"abcdef\""));
        }

        @Test
        void should_never_split_a_character_when_truncating() {
            // "é" is two bytes: 2 bytes would cut it in half, so only "a" is kept.
            assertEquals("a... (4 more bytes)", new Redactor(2).truncate("aéé"));
            assertEquals("aé... (2 more bytes)", new Redactor(3).truncate("aéé"));
        }

        @Test
        void should_keep_the_first_array_element_then_stop_when_the_budget_is_spent() {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < 20; i++) {
                json.append(i == 0 ? "" : ",").append('"').append("y".repeat(96)).append('"');
            }
            List<String> lines = new Redactor(96).body(json.append(']').toString().getBytes(StandardCharsets.UTF_8));

            // 98 bytes per element: the 1024-byte budget lasts for 11 of them.
            assertEquals(14, lines.size(), () -> String.join("\n", lines));
            assertEquals("  \"... (9 additional elements)\"", lines.get(12));
        }

        @Test
        void should_use_a_larger_array_budget_when_truncate_bytes_exceeds_it() {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < 3; i++) {
                json.append(i == 0 ? "" : ",").append('"').append("z".repeat(1500)).append('"');
            }
            List<String> lines = new Redactor(2000).body(json.append(']').toString().getBytes(StandardCharsets.UTF_8));

            assertEquals("  \"... (1 additional elements)\"", lines.get(3));
        }
    }

    @Nested
    class Other_bodies {
        @Test
        void should_cut_and_split_text_and_strip_carriage_returns() {
            assertEquals("<html>\n<pre>Bad Gateway</pre>\n", body(redactor, "<html>\r\n<pre>Bad Gateway</pre>\r\n"));
        }

        @Test
        void should_truncate_text_bodies() {
            assertEquals("abc... (3 more bytes)", body(new Redactor(3), "abcdef"));
        }

        @Test
        void should_show_nothing_for_an_empty_body() {
            assertTrue(redactor.body(new byte[0]).isEmpty());
        }

        @Test
        void should_treat_json_with_trailing_data_as_text() {
            assertEquals("{} {}", body(redactor, "{} {}"));
        }
    }

    @Nested
    class Headers {
        @Test
        void should_always_redact_credential_headers() {
            for (String name : List.of("Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
                    "X-Databricks-Azure-Sp-Management-Token", "X-Databricks-Gcp-Sa-Access-Token", "X-Api-Key",
                    "X-Client-Secret")) {
                assertEquals("REDACTED", redactor.header(name, List.of("Bearer dapi123")), name);
            }
        }

        @Test
        void should_show_other_headers_joined_cut_and_on_one_line() {
            assertEquals("application/json", redactor.header("Accept", List.of("application/json")));
            assertEquals("ab", redactor.header("X-Multi", List.of("a", "b")));
            assertEquals("evilInjected: yes", redactor.header("X-Evil", List.of("evil\r\nInjected: yes")));
            assertEquals("ab... (2 more bytes)", new Redactor(2).header("User-Agent", List.of("abcd")));
            assertFalse(Redactor.isCredentialHeader("Content-Type"));
        }
    }
}
