package dev.dbtok.emulator;

import static dev.dbtok.support.CliRunAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --seed} format: the README's example works as described, and every mistake is named. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SeedTest {
    private static final String JANE = "jane@example.com";
    private static final String NIGHTLY = "22222222-3333-4444-5555-666666666666";

    @TempDir
    Path home;

    @TempDir
    Path dir;

    /** The example of the README's "Seed file" section, written to a file. */
    private Path readmeExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Seed file");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        assertTrue(section >= 0 && start > section, "the README has a Seed file section with a JSON example");
        return Files.writeString(dir.resolve("readme-seed.json"), readme.substring(start, readme.indexOf("```", start)));
    }

    @Test
    void should_seed_the_readme_example() throws Exception {
        Seed seed = Seed.read(readmeExample());

        try (RunningEmulator ws = RunningEmulator.start(home, Emulator.builder().seed(seed))) {
            assertEquals(List.of("admin@example.com", "user@example.com", WorkspaceSeeder.SERVICE_PRINCIPAL, JANE,
                    "ops@example.com", NIGHTLY), ws.emulator.credentials().stream().map(c -> c.account().userName()).toList());
            assertEquals("dapi11111111111111111111111111111111", ws.emulator.credential(JANE).token());

            JsonNode janes = assertThat(ws.asToken("dapi11111111111111111111111111111111").run("tokens", "list", "-o", "json"))
                    .succeeded().outJson();
            assertEquals(List.of("dbtok emulator", "old laptop", "expired"), comments(janes));
            assertEquals(-1, janes.get(1).get("expiry_time").asLong());
            assertEquals(1700000000000L, janes.get(2).get("creation_time").asLong());

            JsonNode ci = assertThat(ws.asToken("dapi22222222222222222222222222222222").run("tokens", "list", "-o", "json"))
                    .succeeded().outJson().get(1);
            assertEquals(7776000L * 1000, ci.get("expiry_time").asLong() - ci.get("creation_time").asLong());
            assertThat(ws.as("ops@example.com").run("token-management", "list", "--created-by-username", "ops@example.com"))
                    .succeeded().outContains("ci");

            // Only data-eng may create tokens now (admins always can).
            assertThat(ws.as(JANE).run("tokens", "create")).succeeded();
            assertThat(ws.as(NIGHTLY).run("tokens", "create")).succeeded();
            assertThat(ws.as("ops@example.com").run("tokens", "create")).succeeded();
            assertThat(ws.asUser().run("tokens", "create")).failedWith(1)
                    .errStartsWith("Error: user@example.com does not have the CAN_USE permission on tokens;");
            assertThat(ws.asAdmin().run("workspace-conf", "get-status", "maxTokenLifetimeDays")).succeeded()
                    .outEquals("{\n  \"maxTokenLifetimeDays\": \"90\"\n}\n");
        }
    }

    private static List<String> comments(JsonNode tokens) {
        List<String> comments = new ArrayList<>();
        tokens.forEach(t -> comments.add(t.get("comment").asText()));
        return comments;
    }

    @Nested
    class Mistakes {
        private String readError(String json) throws IOException {
            Path file = Files.writeString(dir.resolve("seed.json"), json);
            return assertThrows(SeedException.class, () -> Seed.read(file)).getMessage()
                    .replace(file.toString(), "FILE");
        }

        private String seedError(String json) throws IOException {
            Seed seed = Seed.read(Files.writeString(dir.resolve("seed.json"), json));
            return assertThrows(SeedException.class, () -> Emulator.builder().seed(seed).start()).getMessage();
        }

        @Test
        void should_name_an_unknown_key_and_where_it_is() throws IOException {
            assertEquals("seed file FILE: unknown key \"usres\"; see the Emulator section of the README for the format",
                    readError("{\"usres\": []}"));
            assertEquals("seed file FILE: unknown key \"users[1].tokn\"; see the Emulator section of the README for the"
                    + " format", readError("{\"users\": [{\"user_name\": \"a\"}, {\"user_name\": \"b\", \"tokn\": \"x\"}]}"));
        }

        @Test
        void should_refuse_a_document_that_is_not_json() throws IOException {
            assertTrue(readError("{\"users\": [").startsWith("seed file FILE is not a valid seed: "));
        }

        @Test
        void should_refuse_an_empty_file() throws IOException {
            assertEquals("seed file FILE is empty; it must hold a JSON object", readError(""));
        }

        @Test
        void should_name_the_entry_that_is_wrong() throws IOException {
            assertEquals("users[1]: \"jane@example.com\" is already an account",
                    seedError("{\"users\": [{\"user_name\": \"jane@example.com\"}, {\"user_name\": \"jane@example.com\"}]}"));
            assertEquals("users[0]: user_name is required", seedError("{\"users\": [{\"admin\": true}]}"));
            assertEquals("groups[0]: member \"bob@example.com\" is not a user or service principal",
                    seedError("{\"groups\": [{\"name\": \"g\", \"members\": [\"bob@example.com\"]}]}"));
            assertEquals("groups[0]: group \"users\" already exists", seedError("{\"groups\": [{\"name\": \"users\"}]}"));
            assertEquals("tokens[0]: give expiry_time or lifetime_seconds, not both", seedError(
                    "{\"tokens\": [{\"owner\": \"user@example.com\", \"expiry_time\": -1, \"lifetime_seconds\": 60}]}"));
            assertEquals("tokens[1]: the same token value is given twice", seedError(
                    "{\"tokens\": [{\"owner\": \"user@example.com\", \"value\": \"dapiX\"},"
                            + " {\"owner\": \"user@example.com\", \"value\": \"dapiX\"}]}"));
            assertEquals("permissions: Principal: UserName(bob@example.com) does not exist", seedError(
                    "{\"permissions\": [{\"user_name\": \"bob@example.com\", \"permission_level\": \"CAN_USE\"}]}"));
            assertEquals("workspace_conf.enableTokensConfig: Invalid value \"yes\" for enableTokensConfig: expected"
                    + " \"true\" or \"false\"", seedError("{\"workspace_conf\": {\"enableTokensConfig\": \"yes\"}}"));
        }

        @Test
        void should_accept_settings_of_its_own_for_scripts_that_read_them() throws Exception {
            Seed seed = Seed.read(Files.writeString(dir.resolve("seed.json"), "{\"workspace_conf\": {\"customFlag\": \"on\"}}"));

            try (RunningEmulator ws = RunningEmulator.start(home, Emulator.builder().seed(seed))) {
                assertThat(ws.asAdmin().run("workspace-conf", "get-status", "customFlag")).succeeded()
                        .outEquals("{\n  \"customFlag\": \"on\"\n}\n");
            }
        }
    }

    @Test
    void should_not_show_token_values_in_to_string() throws IOException {
        Seed seed = Seed.read(readmeExample());

        String text = seed.toString();

        assertTrue(!text.contains("dapi1111") && !text.contains("dapi2222"), text);
    }
}
