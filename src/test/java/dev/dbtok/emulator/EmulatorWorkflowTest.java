package dev.dbtok.emulator;

import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.support.CliRun;
import dev.dbtok.support.Dbtok;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole workflows through the real CLI wiring ({@link Dbtok}), against an emulator over HTTP on 127.0.0.1: what a
 * user of dbtok sees when scripting against the emulator.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmulatorWorkflowTest {
    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final long NOW = START.toEpochMilli();
    private static final String USER = WorkspaceSeeder.USER;
    private static final String SP = WorkspaceSeeder.SERVICE_PRINCIPAL;
    private static final String UNKNOWN_ID = "0".repeat(64);

    @TempDir
    Path home;

    final TestClock clock = new TestClock(START);
    RunningEmulator ws;

    @BeforeEach
    void start() {
        ws = RunningEmulator.start(home, Emulator.builder().clock(clock));
    }

    @AfterEach
    void stop() {
        ws.close();
    }

    private static JsonNode json(CliRun run) {
        return assertThat(run).succeeded().outJson();
    }

    /** The ID of the PAT the emulator seeded for {@code userName}. */
    private String patId(String userName) {
        return TokenSecrets.idOf(ws.emulator.credential(userName).token());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(token -> ids.add(token.get("token_id").asText()));
        return ids;
    }

    /** {@code auth describe}: who a token belongs to, from the emulator's SCIM {@code Me}. */
    @Nested
    class Who_am_i {
        private String describe(String user) {
            return """
                    Host: %1$s
                    User: %2$s
                    Authenticated with: pat
                    -----
                    Current configuration:
                      ✓ host: %1$s (from DATABRICKS_HOST environment variable)
                      ✓ token: ******** (from DATABRICKS_TOKEN environment variable)
                      ✓ profile: default
                      ✓ auth_type: pat
                    """.formatted(ws.emulator.host(), user);
        }

        @Test
        void should_describe_the_admin_the_user_and_the_service_principal() {
            assertThat(ws.asAdmin().run("auth", "describe")).succeeded().errIsEmpty()
                    .outEquals(describe(WorkspaceSeeder.ADMIN));
            assertThat(ws.asUser().run("auth", "describe")).succeeded().errIsEmpty().outEquals(describe(USER));
            assertThat(ws.asServicePrincipal().run("auth", "describe")).succeeded().errIsEmpty().outEquals(describe(SP));
        }

        @Test
        void should_report_the_user_name_in_json() {
            JsonNode status = json(ws.asUser().run("auth", "describe", "-o", "json"));

            assertEquals("success", status.get("status").asText());
            assertEquals(USER, status.get("username").asText());
        }

        @Test
        void should_say_a_revoked_token_is_invalid() {
            assertThat(ws.asAdmin().run("token-management", "delete", patId(USER))).succeeded();

            assertThat(ws.asUser().run("auth", "describe")).succeeded().errIsEmpty()
                    .outContains("Unable to authenticate: Invalid access token.\n-----\n");
        }
    }

    @Nested
    class Own_tokens {
        @Test
        void should_create_list_update_and_delete_a_token() {
            CliRun created = ws.asUser().run("tokens", "create", "--comment", "first", "--lifetime-seconds", "3600");

            JsonNode token = assertThat(created).succeeded().errIsEmpty().outJson();
            String value = token.at("/token_value").asText();
            String id = token.at("/token_info/token_id").asText();
            assertTrue(value.matches("dapi[0-9a-f]{32}"), value);
            assertEquals(TokenSecrets.idOf(value), id, "the ID is the SHA-256 of the value");
            assertThat(created).outEquals("""
                    {
                      "token_info": {
                        "comment": "first",
                        "creation_time": %d,
                        "expiry_time": %d,
                        "token_id": "%s"
                      },
                      "token_value": "%s"
                    }
                    """.formatted(NOW, NOW + 3_600_000, id, value));

            assertThat(ws.asUser().run("tokens", "list")).succeeded().errIsEmpty().outEquals(
                    "%-66s%-15s%s\n".formatted("ID", "Expiry time", "Comment")
                            + "%-66s%-15s%s\n".formatted(patId(USER), "-1", "dbtok emulator")
                            + "%-66s%-15s%s\n".formatted(id, NOW + 3_600_000, "first"));

            // The new token authenticates as its owner.
            assertEquals(List.of(patId(USER), id), ids(json(ws.asToken(value).run("tokens", "list", "-o", "json"))));

            assertThat(ws.asUser().run("tokens", "update", id,
                    "--json", "{\"token\": {\"comment\": \"renamed\"}, \"update_mask\": \"comment\"}"))
                    .succeeded().errIsEmpty().outEquals("{}\n");
            assertEquals("renamed", json(ws.asUser().run("tokens", "list", "-o", "json")).get(1).get("comment").asText());

            assertThat(ws.asUser().run("tokens", "delete", id)).succeeded().errIsEmpty().outIsEmpty();
            assertEquals(List.of(patId(USER)), ids(json(ws.asUser().run("tokens", "list", "-o", "json"))));
            assertThat(ws.asToken(value).run("tokens", "list")).failedWith(1).outIsEmpty()
                    .errStartsWith("Error: Invalid access token.\n");
        }

        @Test
        void should_give_a_token_without_lifetime_two_years() {
            JsonNode info = json(ws.asUser().run("tokens", "create")).get("token_info");

            assertEquals(NOW, info.get("creation_time").asLong());
            assertEquals(NOW + Duration.ofDays(730).toMillis(), info.get("expiry_time").asLong());
            assertFalse(info.has("comment"));
        }

        @Test
        void should_never_expire_a_token_with_a_negative_lifetime() {
            JsonNode info = json(ws.asUser().run("tokens", "create", "--lifetime-seconds", "-1")).get("token_info");

            assertEquals(-1, info.get("expiry_time").asLong());
        }

        @Test
        void should_stop_accepting_a_token_once_it_expires() {
            String value = json(ws.asUser().run("tokens", "create", "--lifetime-seconds", "60")).at("/token_value").asText();
            assertThat(ws.asToken(value).run("tokens", "list")).succeeded();

            clock.advance(Duration.ofSeconds(60));

            assertThat(ws.asToken(value).run("tokens", "list")).failedWith(1)
                    .errStartsWith("Error: Invalid access token.\n").noStackTrace();
        }

        @Test
        void should_not_let_a_user_revoke_or_update_someone_elses_token() {
            String adminPat = patId(WorkspaceSeeder.ADMIN);

            assertThat(ws.asUser().run("tokens", "delete", adminPat)).failedWith(1)
                    .errEquals("Error: Token with id " + adminPat + " does not exist\n");
            assertThat(ws.asUser().run("tokens", "update", adminPat,
                    "--json", "{\"token\": {\"comment\": \"x\"}, \"update_mask\": \"comment\"}")).failedWith(1)
                    .errEquals("Error: Token with id " + adminPat + " does not exist\n");
            assertThat(ws.asAdmin().run("tokens", "list")).succeeded().outContains(adminPat);
        }

        @Test
        void should_refuse_an_update_mask_field_that_cannot_change() {
            assertThat(ws.asUser().run("tokens", "update", patId(USER),
                    "--json", "{\"token\": {\"expiry_time\": 1}, \"update_mask\": \"expiry_time\"}")).failedWith(1)
                    .errEquals("Error: Invalid update_mask field \"expiry_time\"; the fields that can be updated are"
                            + " comment and scopes\n");
        }
    }

    @Nested
    class Token_management {
        @Test
        void should_let_an_admin_list_and_revoke_another_users_token() {
            JsonNode created = json(ws.asUser().run("tokens", "create", "--comment", "laptop"));
            String id = created.at("/token_info/token_id").asText();
            String value = created.at("/token_value").asText();

            JsonNode listed = json(ws.asAdmin().run("token-management", "list", "--created-by-username", USER, "-o", "json"));
            assertEquals(List.of(patId(USER), id), ids(listed));
            JsonNode info = listed.get(1);
            assertEquals(USER, info.get("created_by_username").asText());
            assertEquals(info.get("created_by_id").asLong(), info.get("owner_id").asLong());
            assertTrue(info.get("created_by_id").asLong() > 1L << 32, "IDs are as large as real ones");
            assertEquals(WorkspaceSeeder.DEFAULT_WORKSPACE_ID, info.get("workspace_id").asLong());
            assertEquals("laptop", json(ws.asAdmin().run("token-management", "get", id)).at("/token_info/comment").asText());

            assertThat(ws.asAdmin().run("token-management", "delete", id)).succeeded().errIsEmpty().outIsEmpty();

            assertThat(ws.asToken(value).run("tokens", "list")).failedWith(1).errStartsWith("Error: Invalid access token.\n");
            assertEquals(List.of(patId(USER)), ids(json(ws.asUser().run("tokens", "list", "-o", "json"))));
            assertThat(ws.asAdmin().run("token-management", "get", id)).failedWith(1)
                    .errEquals("Error: Token with id " + id + " does not exist\n");
        }

        @Test
        void should_filter_by_creator_id() {
            long userId = ws.emulator.credential(USER).account().id();

            JsonNode listed = json(ws.asAdmin().run("token-management", "list", "--created-by-id", String.valueOf(userId),
                    "-o", "json"));

            assertEquals(List.of(patId(USER)), ids(listed));
        }

        @Test
        void should_update_a_token_and_return_its_info() {
            String id = patId(SP);

            JsonNode info = json(ws.asAdmin().run("token-management", "update-token-management", id,
                    "--json", "{\"token\": {\"comment\": \"rotated\"}, \"update_mask\": \"comment\"}"));

            assertEquals(id, info.get("token_id").asText());
            assertEquals("rotated", info.get("comment").asText());
        }

        @Test
        void should_create_an_on_behalf_of_token_that_the_service_principal_owns() {
            JsonNode created = json(ws.asAdmin().run("token-management", "create-obo-token", SP, "--comment", "ci",
                    "--lifetime-seconds", "600"));

            JsonNode info = created.get("token_info");
            assertEquals(ws.emulator.credential(SP).account().id(), info.get("owner_id").asLong());
            assertEquals(WorkspaceSeeder.ADMIN, info.get("created_by_username").asText());
            assertEquals(NOW + 600_000, info.get("expiry_time").asLong());
            String value = created.get("token_value").asText();
            assertEquals(List.of(patId(SP), info.get("token_id").asText()),
                    ids(json(ws.asToken(value).run("tokens", "list", "-o", "json"))));
        }

        @Test
        void should_refuse_an_on_behalf_of_token_for_an_unknown_application_id() {
            assertThat(ws.asAdmin().run("token-management", "create-obo-token", "no-such-app")).failedWith(1)
                    .errEquals("Error: Service principal with application ID no-such-app does not exist\n");
        }

        @Test
        void should_refuse_every_call_to_non_admins() {
            for (Dbtok caller : List.of(ws.asUser(), ws.asServicePrincipal())) {
                assertThat(caller.run("token-management", "list")).failedWith(1).outIsEmpty()
                        .errStartsWith("Error: Only Admins can access token management APIs.\n\nHost:")
                        .errContains("  - Verify you have the required permissions for this operation\n");
                assertThat(caller.run("token-management", "create-obo-token", SP)).failedWith(1)
                        .errStartsWith("Error: Only Admins can access token management APIs.\n");
                assertThat(caller.run("token-management", "get-permissions")).failedWith(1)
                        .errStartsWith("Error: Only Admins can manage token permissions.\n");
                assertThat(caller.run("workspace-conf", "get-status", "enableTokensConfig")).failedWith(1)
                        .errStartsWith("Error: Only Admins can access workspace configuration.\n");
            }
        }
    }

    @Nested
    class Lifetime_cap {
        @Test
        void should_refuse_a_lifetime_beyond_max_token_lifetime_days_and_cap_the_default() {
            assertThat(ws.asAdmin().run("workspace-conf", "set-status", "--json", "{\"maxTokenLifetimeDays\": 1}"))
                    .succeeded().outIsEmpty();
            assertThat(ws.asAdmin().run("workspace-conf", "get-status", "maxTokenLifetimeDays")).succeeded()
                    .outEquals("{\n  \"maxTokenLifetimeDays\": \"1\"\n}\n");

            assertThat(ws.asUser().run("tokens", "create", "--lifetime-seconds", "86401")).failedWith(1).outIsEmpty()
                    .errEquals("Error: Invalid lifetime_seconds 86401: new tokens in this workspace must expire within"
                            + " 1 days (86400 seconds), as set by maxTokenLifetimeDays\n");
            assertThat(ws.asUser().run("tokens", "create", "--lifetime-seconds", "-1")).failedWith(1)
                    .errStartsWith("Error: Invalid lifetime_seconds -1: ");
            assertEquals(NOW + 86_400_000, json(ws.asUser().run("tokens", "create", "--lifetime-seconds", "86400"))
                    .at("/token_info/expiry_time").asLong());
            assertEquals(NOW + 86_400_000, json(ws.asUser().run("tokens", "create")).at("/token_info/expiry_time").asLong(),
                    "without a lifetime, the cap replaces the two-year default");

            assertThat(ws.asAdmin().run("workspace-conf", "set-status", "--json", "{\"maxTokenLifetimeDays\": \"\"}"))
                    .succeeded();
            assertThat(ws.asUser().run("tokens", "create", "--lifetime-seconds", "86401")).succeeded();
        }

        @Test
        void should_refuse_a_setting_that_is_not_a_number_of_days() {
            assertThat(ws.asAdmin().run("workspace-conf", "set-status", "--json", "{\"maxTokenLifetimeDays\": \"ninety\"}"))
                    .failedWith(1).errEquals("Error: Invalid value \"ninety\" for maxTokenLifetimeDays: expected a whole"
                            + " number of days (0 or empty removes the limit)\n");
        }
    }

    @Nested
    class Quota {
        @Test
        void should_refuse_the_601st_live_token_of_a_user() {
            List<Seed.Token> existing = new ArrayList<>();
            for (int i = 0; i < Workspace.TOKEN_QUOTA - 2; i++) {
                existing.add(new Seed.Token(USER, null, "old " + i, null, null, null, null, null));
            }
            // Expired tokens do not count.
            existing.add(new Seed.Token(USER, null, "expired", null, NOW - 2000, NOW - 1000, null, null));
            Seed seed = new Seed(null, null, null, null, existing, null, null);
            try (RunningEmulator full = RunningEmulator.start(home, Emulator.builder().clock(clock).seed(seed))) {
                // The seeded PAT and 598 tokens: one more fits.
                JsonNode last = json(full.asUser().run("tokens", "create", "--comment", "600th"));

                assertThat(full.asUser().run("tokens", "create")).failedWith(1).outIsEmpty()
                        .errEquals("Error: Token quota exceeded: a user can have at most 600 tokens."
                                + " Revoke unused tokens and retry.\n");

                assertThat(full.asUser().run("tokens", "delete", last.at("/token_info/token_id").asText())).succeeded();
                assertThat(full.asUser().run("tokens", "create")).succeeded();
                assertThat(full.asAdmin().run("tokens", "create")).succeeded();
            }
        }
    }

    @Nested
    class Disabled_tokens {
        @Test
        void should_refuse_new_tokens_and_non_admin_tokens_until_enabled_again() {
            assertThat(ws.asAdmin().run("workspace-conf", "set-status", "--json", "{\"enableTokensConfig\": false}"))
                    .succeeded();

            assertThat(ws.asAdmin().run("tokens", "create")).failedWith(1).outIsEmpty()
                    .errStartsWith("Error: Personal access tokens are disabled for this workspace.\n");
            assertThat(ws.asUser().run("tokens", "list")).failedWith(1)
                    .errStartsWith("Error: Personal access tokens are disabled for this workspace.\n");
            assertThat(ws.asAdmin().run("workspace-conf", "get-status", "enableTokensConfig")).succeeded()
                    .outEquals("{\n  \"enableTokensConfig\": \"false\"\n}\n");

            assertThat(ws.asAdmin().run("workspace-conf", "set-status", "--json", "{\"enableTokensConfig\": \"true\"}"))
                    .succeeded();
            assertThat(ws.asUser().run("tokens", "create")).succeeded();
        }
    }

    @Nested
    class Permissions {
        private static final String ONLY_USER =
                "{\"access_control_list\": [{\"user_name\": \"user@example.com\", \"permission_level\": \"CAN_USE\"}]}";

        @Test
        void should_let_only_holders_of_can_use_create_tokens() {
            assertThat(ws.asAdmin().run("token-management", "set-permissions", "--json", ONLY_USER)).succeeded().outEquals("""
                    {
                      "access_control_list": [
                        {
                          "all_permissions": [
                            {
                              "inherited": false,
                              "permission_level": "CAN_MANAGE"
                            }
                          ],
                          "group_name": "admins"
                        },
                        {
                          "all_permissions": [
                            {
                              "inherited": false,
                              "permission_level": "CAN_USE"
                            }
                          ],
                          "display_name": "Regular User",
                          "user_name": "user@example.com"
                        }
                      ],
                      "object_id": "authorization/tokens",
                      "object_type": "tokens"
                    }
                    """);
            String denied = "Error: " + SP + " does not have the CAN_USE permission on tokens;"
                    + " a workspace admin can grant it with token-management update-permissions\n";

            assertThat(ws.asServicePrincipal().run("tokens", "create")).failedWith(1).errStartsWith(denied);
            assertThat(ws.asAdmin().run("token-management", "create-obo-token", SP)).failedWith(1).errStartsWith(denied);
            assertThat(ws.asUser().run("tokens", "create")).succeeded();
            assertThat(ws.asAdmin().run("tokens", "create")).succeeded();

            assertThat(ws.asAdmin().run("token-management", "update-permissions", "--json",
                    "{\"access_control_list\": [{\"service_principal_name\": \"" + SP + "\", \"permission_level\": \"CAN_USE\"}]}"))
                    .succeeded().outContains("\"service_principal_name\": \"" + SP + "\"");
            assertThat(ws.asAdmin().run("token-management", "create-obo-token", SP)).succeeded();
            assertThat(ws.asServicePrincipal().run("tokens", "create")).succeeded();
        }

        @Test
        void should_refuse_principals_and_levels_that_do_not_exist() {
            assertThat(ws.asAdmin().run("token-management", "update-permissions", "--json",
                    "{\"access_control_list\": [{\"user_name\": \"nobody@example.com\", \"permission_level\": \"CAN_USE\"}]}"))
                    .failedWith(1).errEquals("Error: Principal: UserName(nobody@example.com) does not exist\n");
            assertThat(ws.asAdmin().run("token-management", "update-permissions", "--json",
                    "{\"access_control_list\": [{\"group_name\": \"users\", \"permission_level\": \"CAN_MANAGE\"}]}"))
                    .failedWith(1).errStartsWith("Error: Permission CAN_MANAGE on tokens belongs to the admins group only");
        }

        @Test
        void should_list_the_one_grantable_level() {
            assertThat(ws.asAdmin().run("token-management", "get-permission-levels")).succeeded().outEquals("""
                    {
                      "permission_levels": [
                        {
                          "description": "Can use tokens",
                          "permission_level": "CAN_USE"
                        }
                      ]
                    }
                    """);
        }
    }

    @Nested
    class Workspace_conf {
        @Test
        void should_refuse_unknown_keys_with_the_workspace_message() {
            assertThat(ws.asAdmin().run("workspace-conf", "get-status", "enableTokensConfig,enableFoo")).failedWith(1)
                    .outIsEmpty().errEquals("Error: Invalid keys: [\"enableFoo\"]\n");
            assertThat(ws.asAdmin().run("workspace-conf", "set-status", "--json", "{\"enableFoo\": \"true\"}")).failedWith(1)
                    .errEquals("Error: Invalid keys: [\"enableFoo\"]\n");
        }

        @Test
        void should_read_an_unset_setting_as_empty() {
            assertThat(ws.asAdmin().run("workspace-conf", "get-status", "maxTokenLifetimeDays,enableIpAccessLists"))
                    .succeeded().outEquals("{\n  \"enableIpAccessLists\": \"\",\n  \"maxTokenLifetimeDays\": \"\"\n}\n");
        }
    }

    @Nested
    class Authentication {
        @Test
        void should_refuse_an_unknown_token_like_a_workspace() {
            assertThat(ws.asToken("dapi" + "0".repeat(32)).run("tokens", "list")).failedWith(1).outIsEmpty()
                    .errStartsWith("Error: Invalid access token.\n\nHost:      " + ws.emulator.host() + "\n");
        }

        @Test
        void should_refuse_a_request_without_credentials() {
            CliRun run = Dbtok.inHome(home).env("DATABRICKS_HOST", ws.emulator.host())
                    .env("DATABRICKS_USERNAME", "admin@example.com").env("DATABRICKS_PASSWORD", "secret")
                    .run("tokens", "list");

            assertThat(run).failedWith(1)
                    .errStartsWith("Error: Credential was not sent or was of an unsupported type for this API.\n");
        }
    }
}
