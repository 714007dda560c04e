package dev.dbtok.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.InvalidFileFormatException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config.md §6: every INI row, checked against what ini4j 0.5.4 plus our pre/post steps really do. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IniReaderTest {

    private static Map<String, Map<String, String>> parse(String text) throws IOException {
        return IniReader.parse(text);
    }

    private static String value(String text, String section, String key) throws IOException {
        return parse(text).getOrDefault(section, Map.of()).get(key);
    }

    /** ini4j 0.5.4 on its own, set up exactly as config.md §6 says: why the extra steps exist. */
    @Nested
    class Ini4j_alone {

        private Ini load(String text) throws IOException {
            Config config = new Config();
            config.setEscape(false);
            config.setGlobalSection(true);
            config.setGlobalSectionName("DEFAULT");
            config.setEmptyOption(true);
            Ini ini = new Ini();
            ini.setConfig(config);
            ini.load(new StringReader(text));
            return ini;
        }

        @Test
        void keeps_inline_comments_and_quotes_so_values_are_post_processed() throws IOException {
            Ini ini = load("[p]\npassword = a#b$c # note\ntoken = \"abc\"\n");
            assertEquals("a#b$c # note", ini.get("p").get("password"));
            assertEquals("\"abc\"", ini.get("p").get("token"));
        }

        @Test
        void joins_a_line_ending_in_backslash_with_the_next_even_with_escapes_off() throws IOException {
            Ini ini = load("[p]\nd = C:\\dir\\\nx = 1\n");
            assertEquals("C:\\dirx = 1", ini.get("p").get("d"));
            assertNull(ini.get("p").get("x"));
        }

        @Test
        void rejects_a_comment_after_a_section_header() {
            assertThrows(InvalidFileFormatException.class, () -> load("[p] # work\nk = v\n"));
        }

        @Test
        void keeps_a_bom_read_through_a_reader() throws IOException {
            Ini ini = load("\uFEFFk = v\n");
            assertEquals("v", ini.get("DEFAULT").get("\uFEFFk"));
        }

        @Test
        void maps_a_line_without_delimiter_to_null_and_splits_at_colon() throws IOException {
            Ini ini = load("[p]\njustaword\nk: a=b\n");
            assertNull(ini.get("p").get("justaword"));
            assertTrue(ini.get("p").containsKey("justaword"));
            assertEquals("a=b", ini.get("p").get("k"));
        }
    }

    @Nested
    class Delimiters {

        @Test
        void equals_separates_key_and_value_and_both_are_trimmed() throws IOException {
            assertEquals(Map.of("k", "v"), parse("[p]\n   k   =   v   \n").get("p"));
        }

        @Test
        void colon_separates_key_and_value() throws IOException {
            assertEquals("v", value("[p]\nk: v\n", "p", "k"));
        }

        @Test
        void first_colon_wins_over_a_later_equals() throws IOException {
            assertEquals("a=b", value("[p]\nk: a=b\n", "p", "k"));
        }

        @Test
        void first_equals_wins_over_a_later_colon() throws IOException {
            assertEquals("https://x:8080", value("[p]\nhost = https://x:8080\n", "p", "host"));
        }

        @Test
        void line_without_delimiter_is_a_key_with_an_empty_value() throws IOException {
            Map<String, String> section = parse("[p]\njust a word\nk = v\n").get("p");
            assertEquals("", section.get("just a word"));
            assertEquals("v", section.get("k"));
        }

        @Test
        void key_without_value_is_empty() throws IOException {
            assertEquals("", value("[p]\nk =\n", "p", "k"));
        }
    }

    @Nested
    class Comments {

        @Test
        void whole_line_hash_and_semicolon_lines_are_comments() throws IOException {
            assertEquals(Map.of("k", "v"), parse("[p]\n# c1\n; c2\n   # indented\nk = v\n").get("p"));
        }

        @Test
        void inline_comment_starts_at_space_hash() throws IOException {
            assertEquals("a#b$c", value("[p]\npassword = a#b$c # note\n", "p", "password"));
        }

        @Test
        void inline_comment_starts_at_space_semicolon_when_there_is_no_space_hash() throws IOException {
            assertEquals("v", value("[p]\nk = v ; note\n", "p", "k"));
        }

        @Test
        void space_hash_wins_over_an_earlier_space_semicolon() throws IOException {
            // The first " #" is looked for before any " ;", wherever they are.
            assertEquals("a ; b", value("[p]\nk = a ; b # c\n", "p", "k"));
        }

        @Test
        void hash_or_semicolon_without_a_space_before_is_data() throws IOException {
            Map<String, String> section = parse("[p]\na = x#y\nb = x;y\nc = #start\nd = ;start\n").get("p");
            assertEquals(Map.of("a", "x#y", "b", "x;y", "c", "#start", "d", ";start"), section);
        }

        @Test
        void tab_before_hash_does_not_start_a_comment() throws IOException {
            assertEquals("a\t# b", value("[p]\nk = a\t# b\n", "p", "k"));
        }

        @Test
        void section_header_may_be_followed_by_a_comment() throws IOException {
            assertEquals(Map.of("k", "v"), parse("[p] # work\n[q];x\nk = v\n").get("q"));
            assertTrue(parse("[p] # work\n").containsKey("p"));
        }
    }

    @Nested
    class Quotes {

        @Test
        void one_pair_of_double_quotes_is_stripped() throws IOException {
            assertEquals("abc", value("[p]\ntoken = \"abc\"\n", "p", "token"));
        }

        @Test
        void one_pair_of_single_quotes_is_stripped() throws IOException {
            assertEquals("abc", value("[p]\ntoken = 'abc'\n", "p", "token"));
        }

        @Test
        void comment_is_cut_before_quotes_are_stripped() throws IOException {
            assertEquals("abc", value("[p]\ntoken = \"abc\" # c\n", "p", "token"));
        }

        @Test
        void quotes_stay_when_the_value_holds_a_third_one() throws IOException {
            assertEquals("\"a\"b\"", value("[p]\nk = \"a\"b\"\n", "p", "k"));
        }

        @Test
        void mismatched_quotes_stay() throws IOException {
            assertEquals("\"abc'", value("[p]\nk = \"abc'\n", "p", "k"));
        }

        @Test
        void a_lone_quote_stays() throws IOException {
            assertEquals("\"", value("[p]\nk = \"\n", "p", "k"));
        }

        @Test
        void inner_spaces_of_a_quoted_value_are_kept() throws IOException {
            assertEquals(" a b ", value("[p]\nk = \" a b \"\n", "p", "k"));
        }
    }

    @Nested
    class Escapes {

        @Test
        void backslashes_are_literal() throws IOException {
            assertEquals("C:\\dir\\new", value("[p]\nd = C:\\dir\\new\n", "p", "d"));
        }

        @Test
        void trailing_backslash_is_data_not_a_line_continuation() throws IOException {
            Map<String, String> section = parse("[p]\nd = C:\\dir\\\nx = 1\n").get("p");
            assertEquals(Map.of("d", "C:\\dir\\", "x", "1"), section);
        }

        @Test
        void trailing_backslash_on_the_last_line_keeps_the_key() throws IOException {
            assertEquals("a\\", value("[p]\nk = a\\", "p", "k"));
        }

        @Test
        void dollar_brace_is_not_expanded() throws IOException {
            assertEquals("${p/x}", value("[p]\nk = ${p/x}\nx = 1\n", "p", "k"));
        }
    }

    @Nested
    class Sections {

        @Test
        void keys_before_any_section_go_to_DEFAULT() throws IOException {
            Map<String, Map<String, String>> file = parse("host = h\n[p]\nk = v\n");
            assertEquals(Map.of("host", "h"), file.get("DEFAULT"));
            assertEquals(Map.of("k", "v"), file.get("p"));
        }

        @Test
        void keys_before_any_section_merge_with_an_explicit_DEFAULT() throws IOException {
            assertEquals(Map.of("a", "1", "b", "2"), parse("a = 1\n[DEFAULT]\nb = 2\n").get("DEFAULT"));
        }

        @Test
        void duplicate_key_last_one_wins() throws IOException {
            assertEquals("2", value("[p]\nk = 1\nk = 2\n", "p", "k"));
        }

        @Test
        void duplicate_sections_are_merged() throws IOException {
            Map<String, String> section = parse("[p]\nk = 1\n[q]\nz = 1\n[p]\nj = 2\nk = 3\n").get("p");
            assertEquals(Map.of("k", "3", "j", "2"), section);
        }

        @Test
        void section_and_key_names_are_case_sensitive() throws IOException {
            Map<String, Map<String, String>> file = parse("[P]\nK = upper\n[p]\nk = lower\n");
            assertEquals(Map.of("K", "upper"), file.get("P"));
            assertEquals(Map.of("k", "lower"), file.get("p"));
        }

        @Test
        void empty_section_has_no_keys() throws IOException {
            assertEquals(Map.of(), parse("[e]\n[p]\nk = v\n").get("e"));
        }

        @Test
        void sections_never_inherit_from_DEFAULT() throws IOException {
            assertEquals(Map.of("k", "v"), parse("[DEFAULT]\ntoken = t\n[p]\nk = v\n").get("p"));
        }

        @Test
        void slash_in_a_section_name_does_not_inherit_from_the_parent() throws IOException {
            assertEquals(Map.of("z", "1"), parse("[a]\nk = v\n[a/b]\nz = 1\n").get("a/b"));
        }

        @Test
        void leading_utf8_bom_is_ignored() throws IOException {
            Map<String, Map<String, String>> file = parse("\uFEFF[p]\nk = v\n");
            assertEquals(Map.of("k", "v"), file.get("p"));
        }

        @Test
        void crlf_line_endings_are_accepted() throws IOException {
            assertEquals(Map.of("k", "v", "j", "w"), parse("[p]\r\nk = v\r\nj = w\r\n").get("p"));
        }

        @Test
        void unclosed_section_is_a_parse_error_naming_the_line() {
            IOException e = assertThrows(IOException.class, () -> parse("[p]\nk = v\n[unclosed\n"));
            assertEquals("parse error (at line: 3): [unclosed", e.getMessage());
        }

        @Test
        void parse_error_on_a_value_line_does_not_echo_the_line() {
            IOException e = assertThrows(IOException.class, () -> parse("[p]\n= dapi-secret\n"));
            assertEquals("parse error (at line: 2)", e.getMessage());
        }
    }

    @Nested
    class Files_on_disk {

        @TempDir
        Path dir;

        @Test
        void missing_file_reads_as_empty() throws IOException {
            assertEquals(Optional.empty(), IniReader.read(dir.resolve("nope")));
        }

        @Test
        void file_bytes_are_read_as_utf8_with_bom() throws IOException {
            Path file = dir.resolve("cfg");
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = "[p]\nuser = j\u00fcrgen\n".getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            Files.write(file, all);
            ConfigFile config = IniReader.read(file).orElseThrow();
            assertEquals(file, config.path());
            assertEquals(Map.of("user", "j\u00fcrgen"), config.section("p"));
            assertEquals(Map.of(), config.section("missing"));
        }

        @Test
        void directory_is_an_error_naming_the_path() {
            IOException e = assertThrows(IOException.class, () -> IniReader.read(dir));
            assertEquals("read " + dir + ": is a directory", e.getMessage());
        }

        @Test
        void unreadable_file_is_an_error_naming_the_path() throws IOException {
            Path file = Files.writeString(dir.resolve("cfg"), "[p]\nk = v\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            assumeFalse(Files.isReadable(file), "this user (root?) can read any file");
            IOException e = assertThrows(IOException.class, () -> IniReader.read(file));
            assertEquals("open " + file + ": permission denied", e.getMessage());
        }
    }

    @Nested
    class Read_errors {

        @Test
        void access_denied_reads_as_permission_denied() {
            Path file = Path.of("/home/me/.databrickscfg");
            IOException e = IniReader.unreadable(file, new AccessDeniedException(file.toString()));
            assertEquals("open /home/me/.databrickscfg: permission denied", e.getMessage());
        }

        @Test
        void other_file_system_errors_keep_their_reason() {
            Path file = Path.of("/home/me/.databrickscfg");
            IOException e = IniReader.unreadable(file,
                    new FileSystemException(file.toString(), null, "Not a directory"));
            assertEquals("open /home/me/.databrickscfg: not a directory", e.getMessage());
        }
    }

    @Nested
    class Value_cleaning {

        @Test
        void null_from_ini4j_is_an_empty_value() {
            assertEquals("", IniReader.cleanValue(null));
        }

        @Test
        void only_one_pair_of_quotes_is_stripped() {
            assertEquals("\"abc\"", IniReader.cleanValue("'\"abc\"'"));
        }

        @Test
        void value_that_is_only_a_comment_is_empty() {
            assertEquals("", IniReader.cleanValue(" # nothing"));
            assertFalse(IniReader.cleanValue("x # y").contains("#"));
        }
    }
}
