package dev.dbtok.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtok.config.ConfigResolver;
import dev.dbtok.http.ApiException;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateOboTokenResponse;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.CreateTokenResponse;
import dev.dbtok.http.model.GetTokenPermissionLevelsResponse;
import dev.dbtok.http.model.GetTokenResponse;
import dev.dbtok.http.model.ListPublicTokensResponse;
import dev.dbtok.http.model.ListTokensResponse;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenAccessControlRequest;
import dev.dbtok.http.model.TokenAccessControlResponse;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.TokenPermission;
import dev.dbtok.http.model.TokenPermissions;
import dev.dbtok.http.model.TokenPermissionsDescription;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import dev.dbtok.http.model.UpdateTokenRequest;
import dev.dbtok.http.model.UpdateTokenResponse;
import dev.dbtok.http.model.User;
import dev.dbtok.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the emulator to the contract the WireMock tests ({@code DatabricksClientContractTest},
 * {@code DatabricksClientErrorTest}) pin down: the same requests, built by {@link DatabricksClient}'s
 * {@code RequestFactory}, get answers that decode into the same records and error shapes. Every success body must
 * also survive a round trip through its record unchanged, so the emulator cannot send a field the client would drop.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmulatorContractTest {
    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final long NOW = START.toEpochMilli();
    /** A user name that needs encoding in a query, as in the WireMock test of the list filters. */
    private static final String JANE = "jane doe,x@example.com";
    private static final String SP = WorkspaceSeeder.SERVICE_PRINCIPAL;
    private static final ObjectMapper MAPPER = Json.mapper();

    @TempDir
    Path home;

    Emulator emulator;
    DatabricksClient admin;
    OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() throws IOException {
        Seed seed = new Seed(null, List.of(new Seed.User(JANE, "Jane", false, null)), null, null, null, null, null);
        emulator = Emulator.builder().clock(new TestClock(START)).seed(seed).start();
        admin = client(emulator.admin().token());
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private DatabricksClient client(String token) {
        return DatabricksClient.create(ConfigResolver.resolve(null, Map.of(
                "HOME", home.toString(), "DATABRICKS_HOST", emulator.host(), "DATABRICKS_TOKEN", token)));
    }

    private String pat(String userName) {
        return emulator.credential(userName).token();
    }

    /** The raw answer to {@code request} sent as {@code token}: status, then the JSON body (null when empty). */
    private RawReply raw(Request request, String token) {
        Request authed = token == null ? request : request.newBuilder().header("Authorization", "Bearer " + token).build();
        try (Response response = http.newCall(authed).execute()) {
            byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
            if (body.length > 0) {
                assertEquals("application/json", response.header("Content-Type"));
            }
            return new RawReply(response.code(), body.length == 0 ? null : MAPPER.readTree(body));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record RawReply(int status, JsonNode body) {
    }

    /** Sends the request as the admin; the 2xx body must decode into {@code type} and re-encode to the same JSON. */
    private <T> T roundTrip(Function<dev.dbtok.http.RequestFactory, Request> build, Class<T> type) {
        RawReply reply = raw(build.apply(admin.requests()), emulator.admin().token());
        assertEquals(200, reply.status(), () -> "body: " + reply.body());
        try {
            T decoded = MAPPER.treeToValue(reply.body(), type);
            assertEquals(MAPPER.writeValueAsString(reply.body()), MAPPER.writeValueAsString(MAPPER.valueToTree(decoded)),
                    "the emulator sent something " + type.getSimpleName() + " does not carry");
            return decoded;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Tokens {
        @Test
        void should_create_a_token_with_flags() {
            CreateTokenResponse response = admin.createToken(new CreateTokenRequest(3600L, "ci", null, null));

            PublicTokenInfo info = response.tokenInfo();
            assertEquals(new PublicTokenInfo(TokenSecrets.idOf(response.tokenValue()), NOW, NOW + 3_600_000, "ci",
                    List.of(), null, List.of(), List.of()), info);
            assertTrue(response.tokenValue().matches("dapi[0-9a-f]{32}"));
            roundTrip(r -> r.createToken(new CreateTokenRequest(3600L, "ci", List.of("sql"), null)), CreateTokenResponse.class);
        }

        @Test
        void should_create_a_token_from_an_empty_object() {
            CreateTokenResponse response = roundTrip(r -> r.createToken(new CreateTokenRequest(null, null, null, null)),
                    CreateTokenResponse.class);

            assertNull(response.tokenInfo().comment());
            assertEquals(NOW + Workspace.DEFAULT_LIFETIME.toMillis(), response.tokenInfo().expiryTime());
        }

        @Test
        void should_list_update_and_revoke() {
            String id = admin.createToken(new CreateTokenRequest(null, "before", null, null)).tokenInfo().tokenId();

            UpdateTokenResponse updated = admin.updateToken(id, new UpdateTokenRequest(
                    new PublicTokenInfo(null, null, null, "renamed", List.of("sql"), null, null, null), "comment,scopes"));
            assertEquals(new UpdateTokenResponse(), updated);
            ListPublicTokensResponse list = roundTrip(r -> r.listTokens(), ListPublicTokensResponse.class);
            PublicTokenInfo token = list.tokenInfos().get(1);
            assertEquals("renamed", token.comment());
            assertEquals(List.of("sql"), token.scopes());

            admin.revokeToken(new RevokeTokenRequest(id));
            assertEquals(1, admin.listTokens().tokenInfos().size());
        }
    }

    @Nested
    class Token_management {
        @Test
        void should_create_an_on_behalf_of_token_as_the_wiremock_test_sends_it() {
            CreateOboTokenResponse response = roundTrip(r -> r.createOboToken(
                    new CreateOboTokenRequest(SP, 600L, "obo", List.of("sql"), null)), CreateOboTokenResponse.class);

            TokenInfo info = response.tokenInfo();
            assertEquals(emulator.credential(SP).account().id(), info.ownerId());
            assertEquals(emulator.admin().account().id(), info.createdById());
            assertEquals(WorkspaceSeeder.ADMIN, info.createdByUsername());
            assertEquals(WorkspaceSeeder.DEFAULT_WORKSPACE_ID, info.workspaceId());
            assertEquals(List.of("sql"), info.scopes());
            assertEquals(NOW + 600_000, info.expiryTime());
        }

        @Test
        void should_get_update_and_delete_any_token() {
            String id = TokenSecrets.idOf(pat(JANE));

            GetTokenResponse got = roundTrip(r -> r.getTokenManagement(id), GetTokenResponse.class);
            assertEquals(JANE, got.tokenInfo().createdByUsername());

            TokenInfo updated = roundTrip(r -> r.updateTokenManagement(id, new UpdateTokenManagementRequest(
                    new TokenInfo(null, null, null, "new", null, null, null, null, null, null, null, null, null), "comment")),
                    TokenInfo.class);
            assertEquals("new", updated.comment());
            assertEquals(id, updated.tokenId());

            admin.deleteTokenManagement(id);
            ApiException gone = assertThrows(ApiException.class, () -> admin.getTokenManagement(id));
            assertEquals(404, gone.status());
        }

        @Test
        void should_decode_filters_sent_encoded() {
            long janeId = emulator.credential(JANE).account().id();

            ListTokensResponse byBoth = roundTrip(r -> r.listTokenManagement(janeId, JANE), ListTokensResponse.class);
            ListTokensResponse all = roundTrip(r -> r.listTokenManagement(0L, null), ListTokensResponse.class);

            assertEquals(List.of(TokenSecrets.idOf(pat(JANE))), byBoth.tokenInfos().stream().map(TokenInfo::tokenId).toList());
            assertEquals(emulator.credentials().size(), all.tokenInfos().size());
            assertTrue(all.tokenInfos().stream().allMatch(t -> t.lastUsedDay() == null || t.lastUsedDay() % 86_400_000 == 0));
        }

        @Test
        void should_record_the_day_a_token_was_last_used() {
            TokenInfo own = admin.getTokenManagement(TokenSecrets.idOf(emulator.admin().token())).tokenInfo();

            assertEquals(Instant.parse("2025-01-15T00:00:00Z").toEpochMilli(), own.lastUsedDay());
        }

        @Test
        void should_decode_a_path_encoded_id() {
            ApiException e = assertThrows(ApiException.class, () -> admin.getTokenManagement("a/b c"));

            assertEquals("Token with id a/b c does not exist", e.apiMessage());
        }
    }

    @Nested
    class Permissions {
        private final TokenPermissionsRequest grantJane = new TokenPermissionsRequest(List.of(
                new TokenAccessControlRequest(JANE, null, null, "CAN_USE")));
        private final TokenAccessControlResponse admins = new TokenAccessControlResponse(null, "admins", null, null,
                List.of(new TokenPermission("CAN_MANAGE", false, List.of())));
        private final TokenAccessControlResponse users = new TokenAccessControlResponse(null, "users", null, null,
                List.of(new TokenPermission("CAN_USE", false, List.of())));
        private final TokenAccessControlResponse jane = new TokenAccessControlResponse(JANE, null, null, "Jane",
                List.of(new TokenPermission("CAN_USE", false, List.of())));

        @Test
        void should_get_levels_and_permissions() {
            assertEquals(List.of(new TokenPermissionsDescription("CAN_USE", "Can use tokens")),
                    roundTrip(r -> r.getPermissionLevels(), GetTokenPermissionLevelsResponse.class).permissionLevels());
            assertEquals(new TokenPermissions("authorization/tokens", "tokens", List.of(admins, users)),
                    roundTrip(r -> r.getPermissions(), TokenPermissions.class));
        }

        @Test
        void should_patch_then_put() {
            assertEquals(List.of(admins, users, jane),
                    roundTrip(r -> r.updatePermissions(grantJane), TokenPermissions.class).accessControlList());
            assertEquals(List.of(admins, jane),
                    roundTrip(r -> r.setPermissions(grantJane), TokenPermissions.class).accessControlList());
            assertEquals(List.of(admins),
                    roundTrip(r -> r.setPermissions(new TokenPermissionsRequest(List.of())), TokenPermissions.class)
                            .accessControlList(), "PUT {} removes every direct grant");
        }
    }

    @Nested
    class Workspace_conf {
        @Test
        void should_get_keys_and_read_unset_as_empty() {
            assertEquals(Map.of("enableTokensConfig", "true", "maxTokenLifetimeDays", ""),
                    admin.getWorkspaceConf("enableTokensConfig,maxTokenLifetimeDays"));
            RawReply raw = raw(admin.requests().getWorkspaceConf("maxTokenLifetimeDays"), emulator.admin().token());
            assertEquals("{\"maxTokenLifetimeDays\":null}", raw.body().toString());
        }

        @Test
        void should_patch_a_flat_string_map() {
            Map<String, String> conf = new LinkedHashMap<>();
            conf.put("enableTokensConfig", "false");
            conf.put("maxTokenLifetimeDays", "90");

            RawReply reply = raw(admin.requests().setWorkspaceConf(conf), emulator.admin().token());

            assertEquals(204, reply.status());
            assertNull(reply.body());
            assertEquals(conf, admin.getWorkspaceConf("enableTokensConfig,maxTokenLifetimeDays"));
        }

        @Test
        void should_refuse_keys_it_does_not_know_decoding_the_query() {
            ApiException e = assertThrows(ApiException.class, () -> admin.getWorkspaceConf("a b"));

            assertEquals(400, e.status());
            assertEquals("INVALID_PARAMETER_VALUE", e.errorCode());
            assertEquals("Invalid keys: [\"a b\"]", e.apiMessage());
        }
    }

    /** {@code GET /api/2.0/preview/scim/v2/Me}: the caller as the SDKs' {@code iam.User}, camelCase keys. */
    @Nested
    class Scim_me {
        private static final String SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:workspace:2.0:User\"]";

        private String me(String userName) {
            RawReply reply = raw(admin.requests().currentUser(), pat(userName));
            assertEquals(200, reply.status(), () -> String.valueOf(reply.body()));
            try {
                return MAPPER.writeValueAsString(reply.body()); // keys sorted
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        private String id(String userName) {
            return String.valueOf(emulator.credential(userName).account().id());
        }

        @Test
        void should_answer_a_user_with_names_and_the_primary_work_email() {
            assertEquals("{\"active\":true,\"displayName\":\"Workspace Admin\","
                    + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"admin@example.com\"}],"
                    + "\"id\":\"" + id(WorkspaceSeeder.ADMIN) + "\"," + SCHEMAS + ",\"userName\":\"admin@example.com\"}",
                    me(WorkspaceSeeder.ADMIN));
            assertEquals("{\"active\":true,\"displayName\":\"Regular User\","
                    + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"user@example.com\"}],"
                    + "\"id\":\"" + id(WorkspaceSeeder.USER) + "\"," + SCHEMAS + ",\"userName\":\"user@example.com\"}",
                    me(WorkspaceSeeder.USER));
        }

        @Test
        void should_answer_a_service_principal_with_its_application_id_and_no_email() {
            assertEquals("{\"active\":true,\"displayName\":\"emulator-sp\",\"id\":\"" + id(SP) + "\"," + SCHEMAS
                    + ",\"userName\":\"" + SP + "\"}", me(SP));
        }

        @Test
        void should_answer_a_seeded_user_and_decode_into_the_clients_record() {
            assertEquals(new User(id(JANE), JANE), client(pat(JANE)).currentUser());
            assertTrue(me(JANE).contains("\"displayName\":\"Jane\""));
        }

        @Test
        void should_refuse_a_revoked_token_as_invalid() {
            admin.deleteTokenManagement(TokenSecrets.idOf(pat(JANE)));

            ApiException e = assertThrows(ApiException.class, () -> client(pat(JANE)).currentUser());

            assertEquals(403, e.status());
            assertEquals("Invalid access token.", e.apiMessage());
        }
    }

    /** Every error is {@code {"error_code", "message"}} with the status a workspace uses, as the client parses it. */
    @Nested
    class Errors {
        private void assertError(RawReply reply, int status, Object code, String message) {
            assertEquals(status, reply.status(), () -> String.valueOf(reply.body()));
            Set<String> keys = new TreeSet<>();
            reply.body().fieldNames().forEachRemaining(keys::add);
            assertEquals(Set.of("error_code", "message"), keys);
            assertEquals(code instanceof Integer ? MAPPER.valueToTree(code) : MAPPER.valueToTree(String.valueOf(code)),
                    reply.body().get("error_code"));
            assertEquals(message, reply.body().get("message").asText());
        }

        @Test
        void should_answer_a_bad_token_with_a_numeric_403() {
            Request request = admin.requests().listTokens();
            assertError(raw(request, "dapi" + "f".repeat(32)), 403, 403, "Invalid access token.");

            ApiException e = assertThrows(ApiException.class, () -> client("dapi-unknown").listTokens());
            assertEquals(403, e.status());
            assertEquals("403", e.errorCode());
            assertEquals("Invalid access token.", e.apiMessage());
        }

        @Test
        void should_answer_a_bad_token_on_me_like_every_other_endpoint() {
            assertError(raw(admin.requests().currentUser(), "dapi" + "0".repeat(32)), 403, 403, "Invalid access token.");
            assertError(raw(admin.requests().currentUser(), null), 401, 401,
                    "Credential was not sent or was of an unsupported type for this API.");
        }

        @Test
        void should_answer_a_missing_credential_with_401() {
            assertError(raw(admin.requests().listTokens(), null), 401, 401,
                    "Credential was not sent or was of an unsupported type for this API.");
        }

        @Test
        void should_answer_an_unknown_id_with_resource_does_not_exist() {
            String id = "0".repeat(64);
            assertError(raw(admin.requests().revokeToken(new RevokeTokenRequest(id)), pat(JANE)), 404,
                    "RESOURCE_DOES_NOT_EXIST", "Token with id " + id + " does not exist");
            ApiException e = assertThrows(ApiException.class, () -> admin.deleteTokenManagement(id));
            assertEquals("RESOURCE_DOES_NOT_EXIST", e.errorCode());
        }

        @Test
        void should_answer_non_admins_with_permission_denied() {
            assertError(raw(admin.requests().listTokenManagement(null, null), pat(JANE)), 403, "PERMISSION_DENIED",
                    "Only Admins can access token management APIs.");
            ApiException e = assertThrows(ApiException.class, () -> client(pat(JANE)).getPermissions());
            assertEquals(403, e.status());
            assertEquals("PERMISSION_DENIED", e.errorCode());
        }

        @Test
        void should_answer_a_missing_field_with_invalid_parameter_value() {
            assertError(raw(admin.requests().revokeToken(new RevokeTokenRequest(null)), pat(JANE)), 400,
                    "INVALID_PARAMETER_VALUE", "Missing required field: token_id");
            assertError(raw(admin.requests().createOboToken(new CreateOboTokenRequest(null, null, null, null, null)),
                    emulator.admin().token()), 400, "INVALID_PARAMETER_VALUE", "Missing required field: application_id");
        }

        @Test
        void should_answer_a_body_that_is_not_json_with_malformed_request() {
            Request request = admin.requests().createToken(new CreateTokenRequest(null, null, null, null)).newBuilder()
                    .post(RequestBody.create("[1", okhttp3.MediaType.get("application/json"))).build();

            RawReply reply = raw(request, emulator.admin().token());

            assertEquals(400, reply.status());
            assertEquals("MALFORMED_REQUEST", reply.body().get("error_code").asText());
            assertTrue(reply.body().get("message").asText().startsWith("Invalid JSON given in the body of the request"));
        }

        @Test
        void should_answer_an_unknown_endpoint_with_endpoint_not_found() {
            Request request = admin.requests().listTokens().newBuilder()
                    .url(emulator.host() + "/api/2.0/token/lists").build();

            assertError(raw(request, emulator.admin().token()), 404, "ENDPOINT_NOT_FOUND",
                    "No API found for 'GET /api/2.0/token/lists'");
        }
    }
}
