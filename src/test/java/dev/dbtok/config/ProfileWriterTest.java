package dev.dbtok.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code configure}'s file writing: nothing but the profile changes, and a failure changes nothing. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProfileWriterTest {

    static final String SEVERAL_PROFILES = """
            # Databricks workspaces of the data team
            [DEFAULT]
            host = https://dbc-0.cloud.databricks.com

            ; production: read-only token
            [prod]
            host     = https://dbc-1.cloud.databricks.com
            token    = dapi-prod   # rotated monthly
            warehouse_id = abc

            [staging]
            host: https://dbc-2.cloud.databricks.com
            client_id = sp-1
            client_secret = sp-secret
            auth_type = oauth-m2m
            # keep the cluster
            cluster_id = 0101-x

            [__settings__]
            default_profile = prod
            """;

    @TempDir
    Path dir;

    Path file() {
        return dir.resolve(".databrickscfg");
    }

    String saveAndRead(String profile, String host, String token) throws IOException {
        new ProfileWriter().savePat(file(), profile, host, token);
        return Files.readString(file());
    }

    @Nested
    class Existing_file_with_several_profiles_and_comments {

        @Test
        void should_update_a_profile_in_place_and_keep_every_other_line() throws IOException {
            Files.writeString(file(), SEVERAL_PROFILES);

            String after = saveAndRead("prod", "https://dbc-9.cloud.databricks.com", "dapi-new");

            assertEquals("""
                    # Databricks workspaces of the data team
                    [DEFAULT]
                    host = https://dbc-0.cloud.databricks.com

                    ; production: read-only token
                    [prod]
                    host         = https://dbc-9.cloud.databricks.com
                    token        = dapi-new
                    warehouse_id = abc

                    [staging]
                    host: https://dbc-2.cloud.databricks.com
                    client_id = sp-1
                    client_secret = sp-secret
                    auth_type = oauth-m2m
                    # keep the cluster
                    cluster_id = 0101-x

                    [__settings__]
                    default_profile = prod
                    """, after);
        }

        @Test
        void should_drop_oauth_keys_when_a_token_is_configured_and_keep_the_rest() throws IOException {
            Files.writeString(file(), SEVERAL_PROFILES);

            String after = saveAndRead("staging", "https://dbc-2.cloud.databricks.com", "dapi-s");

            assertTrue(after.contains("""
                    [staging]
                    host       = https://dbc-2.cloud.databricks.com
                    # keep the cluster
                    cluster_id = 0101-x
                    token      = dapi-s
                    """), after);
            assertFalse(after.contains("client_secret"), after);
            assertFalse(after.contains("auth_type"), after);
        }

        @Test
        void should_append_a_new_profile_at_the_end() throws IOException {
            Files.writeString(file(), SEVERAL_PROFILES);

            String after = saveAndRead("dev", "https://dbc-3.cloud.databricks.com", "dapi-d");

            assertEquals(SEVERAL_PROFILES + """

                    [dev]
                    host  = https://dbc-3.cloud.databricks.com
                    token = dapi-d
                    """, after);
        }

        @Test
        void should_leave_every_other_section_reading_the_same() throws IOException {
            Files.writeString(file(), SEVERAL_PROFILES);
            Map<String, Map<String, String>> before = IniReader.parse(SEVERAL_PROFILES);

            Map<String, Map<String, String>> after = IniReader.parse(saveAndRead("prod", "https://x", "t"));

            for (String name : List.of("DEFAULT", "staging", "__settings__")) {
                assertEquals(before.get(name), after.get(name), name);
            }
            assertEquals(Map.of("host", "https://x", "token", "t", "warehouse_id", "abc"), after.get("prod"));
        }

        @Test
        void should_set_keys_written_before_any_section_for_the_default_profile() throws IOException {
            Files.writeString(file(), "host = https://old\ntoken = old\n\n[a]\nhost = https://a\n");

            String after = saveAndRead("DEFAULT", "https://new", "new");

            assertEquals("host  = https://new\ntoken = new\n\n[a]\nhost = https://a\n", after);
        }

        @Test
        void should_keep_one_copy_of_a_key_written_twice() throws IOException {
            Files.writeString(file(), "[p]\ntoken = a\nhost = https://p\ntoken = b\n");

            assertEquals("[p]\ntoken = t\nhost  = https://p\n", saveAndRead("p", "https://p", "t"));
        }

        @Test
        void should_keep_windows_line_endings_and_a_byte_order_mark() throws IOException {
            Files.writeString(file(), "\uFEFF[a]\r\nhost = https://a\r\n");

            String after = saveAndRead("b", "https://b", "t");

            assertEquals("\uFEFF[a]\r\nhost = https://a\r\n\r\n[b]\r\nhost  = https://b\r\ntoken = t\r\n", after);
        }

        @Test
        void should_not_make_the_profile_default_when_the_file_already_has_a_profile() throws IOException {
            Files.writeString(file(), "[a]\nhost = https://a\n");

            assertFalse(saveAndRead("b", "https://b", "t").contains("__settings__"));
        }
    }

    @Nested
    class Missing_file {

        @Test
        void should_write_the_official_layout_and_make_the_profile_the_default() throws IOException {
            String after = saveAndRead("dev", "https://dbc-1.cloud.databricks.com", "dapi1");

            assertEquals("""
                    ; The profile defined in the DEFAULT section is to be used as a fallback when no profile is explicitly specified.
                    [DEFAULT]

                    [dev]
                    host  = https://dbc-1.cloud.databricks.com
                    token = dapi1

                    [__settings__]
                    default_profile = dev

                    """, after);
        }

        @Test
        void should_write_the_default_profile_at_the_top() throws IOException {
            assertEquals("""
                    [DEFAULT]
                    host  = https://h
                    token = t

                    [__settings__]
                    default_profile = DEFAULT

                    """, saveAndRead("DEFAULT", "https://h", "t"));
        }

        @Test
        void should_create_the_file_owner_only_and_keep_no_backup() throws IOException {
            assumeTrue(posix());
            saveAndRead("dev", "https://h", "t");

            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
            assertFalse(Files.exists(ProfileWriter.backupOf(file())));
        }
    }

    @Nested
    class Safety {

        @Test
        void should_keep_the_previous_file_as_a_private_backup() throws IOException {
            Files.writeString(file(), SEVERAL_PROFILES);
            Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

            saveAndRead("prod", "https://x", "t");

            Path backup = dir.resolve(".databrickscfg.bak");
            assertEquals(SEVERAL_PROFILES, Files.readString(backup));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        }

        @Test
        void should_fail_clearly_in_a_read_only_directory_and_leave_the_file_alone() throws IOException {
            assumeTrue(posix());
            Files.writeString(file(), SEVERAL_PROFILES);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
            try {
                assumeTrue(!Files.isWritable(dir), "a read-only directory does not stop this user (root)");
                ConfigException e = assertThrows(ConfigException.class,
                        () -> new ProfileWriter().savePat(file(), "prod", "https://x", "t"));

                assertEquals("cannot save profile prod: write " + dir.resolve(".databrickscfg.bak")
                        + ": cannot create a file in " + dir + ": permission denied", e.getMessage());
                assertEquals(SEVERAL_PROFILES, Files.readString(file()));
            } finally {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }

        @Test
        void should_leave_the_old_file_and_no_stray_file_when_the_replace_is_interrupted() throws IOException {
            Files.writeString(file(), SEVERAL_PROFILES);
            AtomicFile crashing = new AtomicFile(temporary -> {
                if (!temporary.getFileName().toString().contains(".bak")) {
                    // The new content is complete on disk; the process dies before the rename.
                    assertTrue(Files.readString(temporary).contains("token        = t"));
                    throw new IOException("simulated crash");
                }
            });

            ConfigException e = assertThrows(ConfigException.class,
                    () -> new ProfileWriter(crashing).savePat(file(), "prod", "https://x", "t"));

            assertTrue(e.getMessage().endsWith("simulated crash"), e.getMessage());
            assertEquals(SEVERAL_PROFILES, Files.readString(file()));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(".databrickscfg", ".databrickscfg.bak"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }

        @Test
        void should_replace_the_target_of_a_symbolic_link_and_keep_the_link() throws IOException {
            Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("databrickscfg");
            Files.writeString(real, "[a]\nhost = https://a\n");
            Files.createSymbolicLink(file(), real);

            saveAndRead("a", "https://a", "t");

            assertTrue(Files.isSymbolicLink(file()));
            assertEquals("[a]\nhost  = https://a\ntoken = t\n", Files.readString(real));
        }

        @Test
        void should_refuse_a_file_it_cannot_parse_and_leave_it_alone() throws IOException {
            Files.writeString(file(), "[unclosed\nhost = x\n");

            ConfigException e = assertThrows(ConfigException.class,
                    () -> new ProfileWriter().savePat(file(), "p", "https://x", "t"));

            assertTrue(e.getMessage().startsWith("cannot update " + file() + ": it cannot be parsed: "), e.getMessage());
            assertEquals("[unclosed\nhost = x\n", Files.readString(file()));
        }

        @Test
        void should_refuse_the_settings_section_as_a_profile() {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new ProfileWriter().savePat(file(), "__settings__", "https://x", "t"));

            assertEquals("profile name \"__settings__\" is reserved for internal use", e.getMessage());
        }

        @Test
        void should_refuse_a_profile_name_that_would_break_the_file() {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new ProfileWriter().savePat(file(), "a]b", "https://x", "t"));

            assertEquals("invalid profile name \"a]b\": use letters, digits, '-', '_' or '.'", e.getMessage());
            assertFalse(Files.exists(file()));
        }

        @Test
        void should_quote_a_value_that_would_otherwise_read_back_differently() throws IOException {
            Files.writeString(file(), "[p]\nhost = https://x\n");

            String after = saveAndRead("p", "https://x", "\"quoted\"");

            assertEquals("[p]\nhost  = https://x\ntoken = '\"quoted\"'\n", after);
            assertEquals("\"quoted\"", IniReader.parse(after).get("p").get("token"));
        }

        @Test
        void should_refuse_a_value_the_file_would_read_as_a_comment() {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new ProfileWriter().savePat(file(), "p", "https://x", "a #b"));

            assertEquals("cannot write token: the value contains \" #\" or \" ;\", which the config file would read"
                    + " as a comment", e.getMessage());
        }
    }

    static boolean posix() {
        return Path.of(".").getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
