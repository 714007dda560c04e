package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.CreateTokenResponse;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.UpdateTokenResponse;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected texts are what Go's {@code json.MarshalIndent(v, "", "  ")} (and the official CLI's list
 * renderer) print for equivalent values. JSON escapes are written with a doubled backslash in the
 * text blocks, because javac reads a backslash followed by {@code u} as a Unicode escape.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonOutputTest {
    static final String ID = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";

    static PublicTokenInfo token(String id, Long created, Long expiry, String comment) {
        return new PublicTokenInfo(id, created, expiry, comment, null, null, null, null);
    }

    @Nested
    class Layout {
        @Test
        void should_print_the_spec_list_example_byte_for_byte() {
            String expected = """
                    [
                      {
                        "comment": "ci \\u0026 cd",
                        "creation_time": 1626286601651,
                        "expiry_time": -1,
                        "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c"
                      }
                    ]
                    """;
            List<PublicTokenInfo> tokens = List.of(token(ID, 1626286601651L, -1L, "ci & cd"));

            assertEquals(expected, JsonOutput.toJson(tokens));
            assertEquals(expected, streamed(tokens));
        }

        @Test
        void should_nest_objects_with_two_more_spaces_per_level() {
            var response = new CreateTokenResponse(token(ID, 1626286601651L, -1L, "ci"), "dapi123");

            assertEquals("""
                    {
                      "token_info": {
                        "comment": "ci",
                        "creation_time": 1626286601651,
                        "expiry_time": -1,
                        "token_id": "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c"
                      },
                      "token_value": "dapi123"
                    }
                    """, JsonOutput.toJson(response));
        }

        @Test
        void should_put_every_array_element_on_its_own_line_and_keep_empty_containers_closed() {
            Map<String, Object> value = new LinkedHashMap<>();
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("z", true);
            last.put("y", null);
            value.put("a", Arrays.asList(1, List.of(), Map.of(), List.of("x", List.of(2, 3)), last));
            value.put("b", Map.of("c", Map.of("d", 202480738464078L)));
            value.put("g", "");
            value.put("h", 0);
            value.put("i", false);

            assertEquals("""
                    {
                      "a": [
                        1,
                        [],
                        {},
                        [
                          "x",
                          [
                            2,
                            3
                          ]
                        ],
                        {
                          "y": null,
                          "z": true
                        }
                      ],
                      "b": {
                        "c": {
                          "d": 202480738464078
                        }
                      },
                      "g": "",
                      "h": 0,
                      "i": false
                    }
                    """, JsonOutput.toJson(value));
        }

        @Test
        void should_print_an_empty_list_as_brackets() {
            assertEquals("[]\n", JsonOutput.toJson(List.of()));
            assertEquals("[]\n", streamed(List.of()));
        }

        @Test
        void should_print_an_empty_top_level_map_as_braces() {
            assertEquals("{}\n", JsonOutput.toJson(Map.of()));
        }

        @Test
        void should_print_a_record_without_components_as_braces() {
            assertEquals("{}\n", JsonOutput.toJson(new UpdateTokenResponse()));
        }

        @Test
        void should_print_null_as_null() {
            assertEquals("null\n", JsonOutput.toJson(null));
        }

        @Test
        void should_end_lines_with_line_feed_only_and_with_exactly_one_final_newline() {
            String out = JsonOutput.toJson(List.of(token(ID, 1L, 2L, "x")));

            assertFalse(out.contains("\r"));
            assertTrue(out.endsWith("}\n]\n"));
        }
    }

    @Nested
    class Keys {
        @Test
        void should_sort_record_properties_by_their_snake_case_names() {
            var info = new TokenInfo("id", 1L, 2L, "c", null, "state", null, null, 3L, "me@example.com", 4L, 5L, 6L);

            assertEquals("""
                    {
                      "autoscope_state": "state",
                      "comment": "c",
                      "created_by_id": 3,
                      "created_by_username": "me@example.com",
                      "creation_time": 1,
                      "expiry_time": 2,
                      "last_used_day": 4,
                      "owner_id": 5,
                      "token_id": "id",
                      "workspace_id": 6
                    }
                    """, JsonOutput.toJson(info));
        }

        @Test
        void should_sort_map_keys_as_workspace_conf_prints_them() {
            Map<String, String> conf = new LinkedHashMap<>();
            conf.put("maxTokenLifetimeDays", "90");
            conf.put("enableTokensConfig", "true");
            conf.put("enableIpAccessLists", "");

            assertEquals("""
                    {
                      "enableIpAccessLists": "",
                      "enableTokensConfig": "true",
                      "maxTokenLifetimeDays": "90"
                    }
                    """, JsonOutput.toJson(conf));
        }

        @Test
        void should_sort_keys_of_jackson_trees_at_every_level() {
            ObjectNode tree = Json.mapper().createObjectNode();
            tree.putObject("b").put("z", 1).put("a", 2);
            tree.put("a", "x");

            assertEquals("""
                    {
                      "a": "x",
                      "b": {
                        "a": 2,
                        "z": 1
                      }
                    }
                    """, JsonOutput.toJson(tree));
        }

        @Test
        void should_escape_map_keys_like_values() {
            assertEquals("""
                    {
                      "k\\u003c\\u0026\\u003e\\n": 1
                    }
                    """, JsonOutput.toJson(Map.of("k<&>\n", 1)));
        }
    }

    @Nested
    class Field_presence {
        @Test
        void should_omit_null_fields_and_empty_lists_but_print_zero_empty_string_and_false() {
            var info = new PublicTokenInfo("", 0L, null, "", List.of(), null, null, List.of("a"));
            var request = new CreateTokenRequest(0L, null, List.of(), false);

            assertEquals("""
                    {
                      "backfill_scopes": [
                        "a"
                      ],
                      "comment": "",
                      "creation_time": 0,
                      "token_id": ""
                    }
                    """, JsonOutput.toJson(info));
            assertEquals("""
                    {
                      "autoscope_enabled": false,
                      "lifetime_seconds": 0
                    }
                    """, JsonOutput.toJson(request));
        }

        @Test
        void should_print_a_present_object_whose_fields_are_all_absent_as_braces() {
            assertEquals("""
                    {
                      "token_info": {}
                    }
                    """, JsonOutput.toJson(new CreateTokenResponse(token(null, null, null, null), null)));
        }
    }

    @Nested
    class Numbers {
        @Test
        void should_print_int64_values_as_plain_digits() {
            Map<String, Long> value = Map.of("a", 202480738464078L, "max", Long.MAX_VALUE, "min", Long.MIN_VALUE);

            assertEquals("""
                    {
                      "a": 202480738464078,
                      "max": 9223372036854775807,
                      "min": -9223372036854775808
                    }
                    """, JsonOutput.toJson(value));
        }
    }

    @Nested
    class Escapes {
        @Test
        void should_escape_as_go_does() {
            StringBuilder s = new StringBuilder();
            for (char c = 0; c < 0x20; c++) {
                s.append(c);
            }
            s.append("\"\\/<>&\u007f\u2028\u2029é日本😀 end");

            // Go 1.22 and later (the official CLI's toolchain) use the short forms for backspace and form feed.
            String expected = "{\n  \"s\": \""
                    + "\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                    + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
                    + "\\\"\\\\/\\u003c\\u003e\\u0026\u007f\\u2028\\u2029é日本😀 end\"\n}\n";
            assertEquals(expected, JsonOutput.toJson(Map.of("s", s.toString())));
        }

        @Test
        void should_use_lower_case_hex_in_unicode_escapes() {
            assertEquals("\"\\u001b[0m\\u001f\"\n", JsonOutput.toJson("\u001b[0m\u001f"));
        }

        @Test
        void should_write_non_ascii_and_slash_raw() {
            assertEquals("\"https://ex.com/é/日本/😀\"\n", JsonOutput.toJson("https://ex.com/é/日本/😀"));
        }

        @Test
        void should_escape_strings_longer_than_the_generator_buffer() {
            String segment = "<é\u2028😀\n\"";
            String expectedSegment = "\\u003cé\\u2028😀\\n\\\"";

            assertEquals('"' + expectedSegment.repeat(5000) + "\"\n", JsonOutput.toJson(segment.repeat(5000)));
        }

        @Test
        void should_print_unpaired_surrogates_as_the_replacement_character_as_go_decodes_them() {
            assertEquals("\"a\uFFFDb x\uFFFD 😀\"\n", JsonOutput.toJson("a\ud83db x\udc00 \ud83d\ude00"));
        }
    }

    @Nested
    class Streaming {
        @ParameterizedTest
        @MethodSource("dev.dbtok.output.JsonOutputTest#lists")
        void should_write_the_same_bytes_as_the_whole_list(List<?> items) {
            assertEquals(JsonOutput.toJson(items), streamed(items));
        }

        @Test
        void should_indent_streamed_items_as_array_elements() {
            List<Object> items = List.of(
                    new PublicTokenInfo("x", 1L, 2L, "a", List.of("s1", "s2"), null, null, null),
                    token("y", null, null, null),
                    Map.of());

            assertEquals("""
                    [
                      {
                        "comment": "a",
                        "creation_time": 1,
                        "expiry_time": 2,
                        "scopes": [
                          "s1",
                          "s2"
                        ],
                        "token_id": "x"
                      },
                      {
                        "token_id": "y"
                      },
                      {}
                    ]
                    """, streamed(items));
        }

        @Test
        void should_consume_a_one_shot_iterator() {
            Iterator<String> once = List.of("a", "b").iterator();
            StringWriter out = new StringWriter();

            JsonOutput.writeArray(once, out);

            assertEquals("[\n  \"a\",\n  \"b\"\n]\n", out.toString());
            assertFalse(once.hasNext());
        }

        @Test
        void should_not_close_the_array_when_the_listing_fails_half_way() {
            Iterator<String> failing = new Iterator<>() {
                int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public String next() {
                    if (n++ == 2) {
                        throw new IllegalStateException("page 2 failed");
                    }
                    return "item" + n;
                }
            };
            StringWriter out = new StringWriter();

            assertThrows(IllegalStateException.class, () -> JsonOutput.writeArray(failing, out));
            assertEquals("[\n  \"item1\",\n  \"item2\"", out.toString());
        }
    }

    @Nested
    class Writer_handling {
        @Test
        void should_flush_but_never_close_the_callers_writer() {
            RecordingWriter out = new RecordingWriter();

            JsonOutput.write(Map.of("a", 1), out);
            JsonOutput.writeArray(List.of(1), out);

            assertEquals("{\n  \"a\": 1\n}\n[\n  1\n]\n", out.text.toString());
            assertTrue(out.flushed);
            assertFalse(out.closed);
        }
    }

    static Stream<List<?>> lists() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(Map.of(), List.of(1, 2)));
        nested.put("a", Map.of("k", "v<"));
        return Stream.of(
                List.of(),
                List.of(token(ID, 1L, -1L, "one")),
                List.of(token("a", 1L, 2L, "x"), new PublicTokenInfo("b", null, null, null, List.of("s1", "s2"), null, null, null), Map.of()),
                List.of(nested, "text", 42L, List.of()));
    }

    static String streamed(List<?> items) {
        StringWriter out = new StringWriter();
        JsonOutput.writeArray(new ArrayList<>(items), out);
        return out.toString();
    }

    static final class RecordingWriter extends Writer {
        final StringBuilder text = new StringBuilder();
        boolean flushed;
        boolean closed;

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            text.append(buf, off, len);
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
