package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.Version;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UserAgentTest {

    @Nested
    class Format {
        @Test
        void should_name_product_jvm_os_and_auth_in_order() {
            assertEquals("dbtok/0.1.0 jvm/17.0.9 os/linux auth/pat", UserAgent.of("0.1.0", "17.0.9", "Linux", "pat"));
        }

        @Test
        void should_use_the_build_version_and_the_running_jvm() {
            String ua = UserAgent.of("oauth-m2m");
            assertTrue(ua.startsWith("dbtok/" + Version.get() + " jvm/"), ua);
            assertTrue(ua.matches("dbtok/[0-9A-Za-z_.+-]+ jvm/[0-9A-Za-z_.+-]+ os/(linux|darwin|windows|unknown) auth/oauth-m2m"), ua);
        }

        @Test
        void should_cut_the_java_version_at_the_first_underscore() {
            assertEquals("1.8.0", UserAgent.jvmVersion("1.8.0_392"));
            assertEquals("21.0.2", UserAgent.jvmVersion("21.0.2"));
            assertEquals("dbtok/1 jvm/1.8.0 os/linux auth/pat", UserAgent.of("1", "1.8.0_392_b08", "Linux", "pat"));
        }
    }

    @Nested
    class Operating_system {
        @Test
        void should_map_os_names_to_go_style_names() {
            assertEquals("linux", UserAgent.os("Linux"));
            assertEquals("darwin", UserAgent.os("Mac OS X"));
            assertEquals("windows", UserAgent.os("Windows 11"));
            assertEquals("unknown", UserAgent.os("FreeBSD"));
            assertEquals("unknown", UserAgent.os(""));
        }
    }

    @Nested
    class Sanitising {
        @Test
        void should_replace_each_character_outside_the_allowed_set_with_a_hyphen() {
            assertEquals("1.0.0-SNAPSHOT+build.5", UserAgent.sanitize("1.0.0-SNAPSHOT+build.5"));
            assertEquals("17.0.1-ea--x-", UserAgent.sanitize("17.0.1-ea (x)"));
            assertEquals("a-b", UserAgent.sanitize("a/b"));
        }

        @Test
        void should_never_send_an_empty_value() {
            assertEquals("unknown", UserAgent.sanitize(""));
            assertEquals("unknown", UserAgent.sanitize(null));
        }

        @Test
        void should_sanitise_every_value_of_the_header() {
            assertEquals("dbtok/1-0 jvm/17-x os/unknown auth/my-type",
                    UserAgent.of("1 0", "17 x", "Plan 9", "my type"));
        }
    }
}
