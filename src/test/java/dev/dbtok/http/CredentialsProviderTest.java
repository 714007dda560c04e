package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.config.ResolvedConfig;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CredentialsProviderTest {

    @Nested
    class Header_values {
        @Test
        void should_send_a_pat_as_bearer() {
            CredentialsProvider pat = CredentialsProvider.pat("dapi123");
            assertEquals("Bearer dapi123", pat.authorization());
            assertEquals("pat", pat.authType());
        }

        @Test
        void should_send_basic_as_base64_of_utf8_user_colon_password() {
            CredentialsProvider basic = CredentialsProvider.basic("jane", "pässword");
            // base64("jane:pässword") with ä as two UTF-8 bytes
            assertEquals("Basic amFuZTpww6Rzc3dvcmQ=", basic.authorization());
            assertEquals("basic", basic.authType());
        }

        @Test
        void should_ask_the_oauth_supplier_on_every_attempt() {
            AtomicInteger calls = new AtomicInteger();
            CredentialsProvider oauth = CredentialsProvider.oauthM2m(() -> "access-" + calls.incrementAndGet());
            assertEquals("Bearer access-1", oauth.authorization());
            assertEquals("Bearer access-2", oauth.authorization());
            assertEquals("oauth-m2m", oauth.authType());
        }
    }

    @Nested
    class Secrets {
        @Test
        void should_never_show_a_secret_in_to_string() {
            String oauthSecret = "oauth-access-SECRET";
            for (CredentialsProvider provider : new CredentialsProvider[] {
                    CredentialsProvider.pat(TestConfigs.TOKEN),
                    CredentialsProvider.basic("jane", TestConfigs.PASSWORD),
                    CredentialsProvider.oauthM2m(() -> oauthSecret)}) {
                String text = provider.toString();
                assertFalse(text.contains("SECRET"), text);
                assertTrue(text.contains("***"), text);
            }
        }
    }

    @Nested
    class From_config {
        @Test
        void should_pick_pat_for_auth_type_pat() {
            CredentialsProvider provider = CredentialsProvider.fromConfig(TestConfigs.pat("https://x").build());
            assertEquals("Bearer " + TestConfigs.TOKEN, provider.authorization());
        }

        @Test
        void should_pick_basic_for_auth_type_basic() {
            CredentialsProvider provider = CredentialsProvider.fromConfig(TestConfigs.basic("https://x").build());
            assertEquals("basic", provider.authType());
        }

        @Test
        void should_infer_the_type_when_auth_type_is_unset() {
            assertEquals("pat", CredentialsProvider.fromConfig(TestConfigs.pat("https://x").authType(null).build()).authType());
            assertEquals("basic", CredentialsProvider.fromConfig(TestConfigs.basic("https://x").authType("").build()).authType());
        }

        @Test
        void should_refuse_oauth_m2m_without_a_token_source() {
            ResolvedConfig config = TestConfigs.pat("https://x").authType("oauth-m2m").build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CredentialsProvider.fromConfig(config));
            assertTrue(e.getMessage().startsWith("oauth-m2m auth: "), e.getMessage());
        }

        @Test
        void should_refuse_basic_without_a_password_and_not_echo_credentials() {
            ResolvedConfig config = TestConfigs.pat("https://x").authType("basic").build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CredentialsProvider.fromConfig(config));
            assertEquals("basic auth: username and password are required", e.getMessage());
        }

        @Test
        void should_refuse_an_unknown_auth_type() {
            ResolvedConfig config = TestConfigs.pat("https://x").authType("azure-cli").build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CredentialsProvider.fromConfig(config));
            assertEquals("unsupported auth type \"azure-cli\"", e.getMessage());
        }
    }
}
