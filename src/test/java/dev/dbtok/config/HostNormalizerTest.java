package dev.dbtok.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** config.md §5. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostNormalizerTest {

    private static HostNormalizer.Normalized normalize(String host) {
        return HostNormalizer.normalize(host).orElseThrow();
    }

    @Nested
    class Spec_examples {

        @Test
        void bare_name_gets_https() {
            assertEquals("https://x", normalize("x").host());
        }

        @Test
        void trailing_slash_is_dropped() {
            assertEquals("https://dbc-1.cloud.databricks.com", normalize("https://dbc-1.cloud.databricks.com/").host());
        }

        @Test
        void http_and_port_are_kept_and_path_is_dropped() {
            assertEquals("http://localhost:8080", normalize("http://localhost:8080/foo").host());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "dbc-1.cloud.databricks.com,                    https://dbc-1.cloud.databricks.com",
        "dbc-1.cloud.databricks.com/,                   https://dbc-1.cloud.databricks.com",
        "localhost:8080,                                https://localhost:8080",
        "127.0.0.1:8080/api,                            https://127.0.0.1:8080",
        "https://x/a/b?c=d#frag,                        https://x",
        "HTTPS://Mixed.Case.COM,                        https://Mixed.Case.COM",
        "https://user:pw@x.com/,                        https://x.com",
        "https://[::1]:8443/,                           https://[::1]:8443",
        "adb-123.4.azuredatabricks.net:443/?o=1#x,      https://adb-123.4.azuredatabricks.net:443",
    })
    void keeps_scheme_host_and_port_only(String input, String expected) {
        assertEquals(expected, normalize(input).host());
    }

    @Nested
    class Ids_from_the_query {

        @Test
        void numeric_o_gives_the_workspace_id() {
            assertEquals(new HostNormalizer.Normalized("https://acme.databricks.net", "12345", null),
                    normalize("https://acme.databricks.net/?o=12345"));
        }

        @Test
        void non_numeric_o_is_ignored() {
            assertEquals(null, normalize("https://x/?o=abc").workspaceId());
        }

        @Test
        void w_accepts_any_value_and_beats_o() {
            assertEquals("ws-abc", normalize("https://x/?o=1&w=ws-abc").workspaceId());
        }

        @Test
        void workspace_id_is_the_numeric_fallback_after_o() {
            assertEquals("77", normalize("https://x/?o=abc&workspace_id=77").workspaceId());
            assertEquals(null, normalize("https://x/?workspace_id=x77").workspaceId());
        }

        @Test
        void a_gives_the_account_id_before_account_id() {
            assertEquals("acc-1", normalize("https://x/?account_id=acc-2&a=acc-1").accountId());
            assertEquals("acc-2", normalize("https://x/?account_id=acc-2").accountId());
        }

        @Test
        void first_value_of_a_repeated_key_wins_and_escapes_are_decoded() {
            assertEquals("a b", normalize("https://x/?w=a%20b&w=c").workspaceId());
        }

        @Test
        void empty_values_give_nothing() {
            assertEquals(new HostNormalizer.Normalized("https://x", null, null), normalize("https://x/?w=&o=&a="));
        }

        @Test
        void a_bare_name_with_a_query_keeps_its_ids() {
            assertEquals(new HostNormalizer.Normalized("https://acme.databricks.net", "5", "acc"),
                    normalize("acme.databricks.net?o=5&a=acc"));
        }
    }

    @Nested
    class No_hostname {

        @Test
        void slash_only_has_no_hostname() {
            assertEquals(Optional.empty(), HostNormalizer.normalize("/"));
        }

        @Test
        void query_only_has_no_hostname() {
            assertEquals(Optional.empty(), HostNormalizer.normalize("?o=123"));
        }

        @Test
        void port_only_has_no_hostname() {
            assertEquals(Optional.empty(), HostNormalizer.normalize("https://:443"));
        }
    }

    @Test
    void port_that_is_not_a_number_is_an_error_worded_like_the_official_cli() {
        ConfigException e = assertThrows(ConfigException.class, () -> HostNormalizer.normalize("https://x:abc/"));
        assertEquals("parse \"https://x:abc/\": invalid port \":abc\" after host", e.getMessage());
    }
}
