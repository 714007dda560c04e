package dev.dbtok.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.requestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.dbtok.Version;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * For every endpoint: the exact request on the wire (method, path, query, headers, JSON body) and the decoded
 * response, against WireMock on a dynamic port.
 */
@WireMockTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabricksClientContractTest {
    private static final String TOKEN_ID = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";
    private static final String WORKSPACE_ID = "1234567890123456";
    private static final String USER_AGENT = "dbtok/" + Pattern.quote(Version.get())
            + " jvm/[0-9A-Za-z_.+-]+ os/(linux|darwin|windows|unknown) auth/pat";

    private DatabricksClient client;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        client = TestConfigs.pat(wm.getHttpBaseUrl()).workspaceId(WORKSPACE_ID).client();
    }

    /** The headers every request carries, plus Accept and Content-Type present or absent as asked. */
    private static RequestPatternBuilder sent(String method, String url, boolean accept, boolean body) {
        RequestPatternBuilder pattern = requestedFor(method, urlEqualTo(url))
                .withHeader("Authorization", equalTo("Bearer " + TestConfigs.TOKEN))
                .withHeader("User-Agent", matching(USER_AGENT))
                .withHeader("X-Databricks-Workspace-Id", equalTo(WORKSPACE_ID))
                .withHeader("Accept", accept ? equalTo("application/json") : absent())
                .withHeader("Content-Type", body ? equalTo("application/json") : absent());
        if (!body) {
            pattern.withHeader("Content-Length", absent());
        }
        return pattern;
    }

    private static void respond(String json) {
        stubFor(any(anyUrl()).willReturn(okJson(json)));
    }

    @Nested
    class Tokens_create {
        @Test
        void should_post_the_request_and_decode_token_info_and_value() {
            respond("""
                    {"token_info": {"token_id": "%s", "creation_time": 1626286601651, "expiry_time": -1,
                                    "comment": "ci", "some_future_field": {"x": 1}},
                     "token_value": "dapi-new-value"}""".formatted(TOKEN_ID));

            CreateTokenResponse response = client.createToken(new CreateTokenRequest(3600L, "ci", null, null));

            verify(1, sent("POST", "/api/2.0/token/create", true, true)
                    .withRequestBody(equalToJson("{\"comment\":\"ci\",\"lifetime_seconds\":3600}")));
            verify(1, requestedFor("POST", urlEqualTo("/api/2.0/token/create"))
                    .withRequestBody(equalTo("{\"comment\":\"ci\",\"lifetime_seconds\":3600}")));
            assertEquals("dapi-new-value", response.tokenValue());
            PublicTokenInfo info = response.tokenInfo();
            assertEquals(TOKEN_ID, info.tokenId());
            assertEquals(1626286601651L, info.creationTime());
            assertEquals(-1L, info.expiryTime());
            assertEquals("ci", info.comment());
            assertEquals(List.of(), info.scopes());
        }

        @Test
        void should_send_an_empty_object_when_nothing_is_set() {
            respond("{}");
            client.createToken(new CreateTokenRequest(null, null, null, null));
            verify(1, sent("POST", "/api/2.0/token/create", true, true).withRequestBody(equalTo("{}")));
        }
    }

    @Nested
    class Tokens_delete {
        @Test
        void should_post_the_token_id_and_ignore_the_response() {
            respond("{\"whatever\": true}");
            client.revokeToken(new RevokeTokenRequest(TOKEN_ID));
            verify(1, sent("POST", "/api/2.0/token/delete", true, true)
                    .withRequestBody(equalToJson("{\"token_id\":\"" + TOKEN_ID + "\"}")));
        }

        @Test
        void should_accept_an_empty_response_body() {
            stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
            client.revokeToken(new RevokeTokenRequest(TOKEN_ID));
            verify(1, sent("POST", "/api/2.0/token/delete", true, true));
        }
    }

    @Nested
    class Tokens_list {
        @Test
        void should_get_and_decode_every_field() {
            respond("""
                    {"token_infos": [
                      {"token_id": "a1", "creation_time": 1700000000000, "expiry_time": 1800000000000, "comment": "one",
                       "scopes": ["sql", "clusters"], "autoscope_state": "AUTOSCOPE_STATE_SOMETHING_NEW",
                       "inferred_scopes": ["x"], "backfill_scopes": ["y"]},
                      {"token_id": "b2", "creation_time": "1700000000001", "expiry_time": -1}
                    ]}""");

            ListPublicTokensResponse response = client.listTokens();

            verify(1, sent("GET", "/api/2.0/token/list", true, false));
            assertEquals(2, response.tokenInfos().size());
            assertEquals(new PublicTokenInfo("a1", 1700000000000L, 1800000000000L, "one", List.of("sql", "clusters"),
                    "AUTOSCOPE_STATE_SOMETHING_NEW", List.of("x"), List.of("y")), response.tokenInfos().get(0));
            PublicTokenInfo second = response.tokenInfos().get(1);
            assertEquals(1700000000001L, second.creationTime(), "a quoted int64 is accepted");
            assertEquals(-1L, second.expiryTime());
            assertNull(second.comment());
            assertEquals(List.of(), second.scopes());
        }

        @Test
        void should_read_a_missing_list_as_empty() {
            respond("{}");
            assertEquals(List.of(), client.listTokens().tokenInfos());
        }

        @Test
        void should_read_a_null_list_as_empty() {
            respond("{\"token_infos\": null}");
            assertEquals(List.of(), client.listTokens().tokenInfos());
        }
    }

    @Nested
    class Tokens_update {
        @Test
        void should_patch_the_token_path_with_token_and_mask() {
            respond("{}");
            PublicTokenInfo token = new PublicTokenInfo(null, null, null, "renamed", List.of("sql"), null, null, null);

            UpdateTokenResponse response = client.updateToken(TOKEN_ID, new UpdateTokenRequest(token, "comment,scopes"));

            verify(1, sent("PATCH", "/api/2.0/token/" + TOKEN_ID, true, true).withRequestBody(equalToJson(
                    "{\"token\":{\"comment\":\"renamed\",\"scopes\":[\"sql\"]},\"update_mask\":\"comment,scopes\"}")));
            assertEquals(new UpdateTokenResponse(), response);
        }
    }

    @Nested
    class Token_management_create_obo_token {
        @Test
        void should_post_the_application_id_and_decode_the_token() {
            respond("""
                    {"token_info": {"token_id": "t1", "created_by_id": 202480738464078, "created_by_username": "admin@x",
                                    "owner_id": "7654321098765432", "creation_time": 1, "expiry_time": -1, "workspace_id": 987},
                     "token_value": "dapi-obo"}""");

            CreateOboTokenResponse response = client.createOboToken(
                    new CreateOboTokenRequest("11111111-2222-3333-4444-555555555555", 600L, "obo", List.of("sql"), null));

            verify(1, sent("POST", "/api/2.0/token-management/on-behalf-of/tokens", true, true)
                    .withRequestBody(equalToJson("""
                            {"application_id": "11111111-2222-3333-4444-555555555555", "lifetime_seconds": 600,
                             "comment": "obo", "scopes": ["sql"]}""")));
            assertEquals("dapi-obo", response.tokenValue());
            assertEquals(202480738464078L, response.tokenInfo().createdById());
            assertEquals(7654321098765432L, response.tokenInfo().ownerId());
            assertEquals(987L, response.tokenInfo().workspaceId());
            assertEquals("admin@x", response.tokenInfo().createdByUsername());
        }
    }

    @Nested
    class Token_management_delete {
        @Test
        void should_delete_without_accept_or_body() {
            respond("{}");
            client.deleteTokenManagement(TOKEN_ID);
            verify(1, sent("DELETE", "/api/2.0/token-management/tokens/" + TOKEN_ID, false, false));
        }
    }

    @Nested
    class Token_management_get {
        @Test
        void should_get_the_token_path_and_decode_token_info() {
            respond("""
                    {"token_info": {"token_id": "%s", "comment": "c", "created_by_id": 202480738464078,
                                    "created_by_username": "jane@example.com", "last_used_day": 1720000000000,
                                    "owner_id": 202480738464078, "workspace_id": 1234567890123456,
                                    "creation_time": 1, "expiry_time": 2, "scopes": ["sql"]}}""".formatted(TOKEN_ID));

            GetTokenResponse response = client.getTokenManagement(TOKEN_ID);

            verify(1, sent("GET", "/api/2.0/token-management/tokens/" + TOKEN_ID, true, false));
            assertEquals(new TokenInfo(TOKEN_ID, 1L, 2L, "c", List.of("sql"), null, List.of(), List.of(),
                    202480738464078L, "jane@example.com", 1720000000000L, 202480738464078L, 1234567890123456L),
                    response.tokenInfo());
        }

        @Test
        void should_path_encode_the_id() {
            respond("{}");
            client.getTokenManagement("a/b c");
            verify(1, sent("GET", "/api/2.0/token-management/tokens/a%2Fb%20c", true, false));
        }
    }

    @Nested
    class Token_management_list {
        @Test
        void should_send_both_filters_encoded_and_decode_the_list() {
            respond("{\"token_infos\": [{\"token_id\": \"t1\", \"created_by_id\": \"202480738464078\"}]}");

            ListTokensResponse response = client.listTokenManagement(202480738464078L, "jane doe,x@example.com");

            verify(1, sent("GET", "/api/2.0/token-management/tokens?created_by_id=202480738464078"
                    + "&created_by_username=jane%20doe%2Cx%40example.com", true, false));
            assertEquals(1, response.tokenInfos().size());
            assertEquals(202480738464078L, response.tokenInfos().get(0).createdById());
        }

        @Test
        void should_omit_absent_and_zero_filters() {
            respond("{}");
            ListTokensResponse response = client.listTokenManagement(0L, null);
            verify(1, sent("GET", "/api/2.0/token-management/tokens", true, false));
            assertEquals(List.of(), response.tokenInfos());
        }
    }

    @Nested
    class Token_management_update {
        @Test
        void should_patch_with_token_and_mask_and_decode_the_bare_token_info() {
            respond("{\"token_id\": \"t1\", \"comment\": \"new\", \"owner_id\": 5}");
            TokenInfo token = new TokenInfo(null, null, null, "new", null, null, null, null, null, null, null, null, null);

            TokenInfo response = client.updateTokenManagement("t1", new UpdateTokenManagementRequest(token, "comment"));

            verify(1, sent("PATCH", "/api/2.0/token-management/tokens/t1", true, true)
                    .withRequestBody(equalToJson("{\"token\":{\"comment\":\"new\"},\"update_mask\":\"comment\"}")));
            assertEquals("t1", response.tokenId());
            assertEquals("new", response.comment());
            assertEquals(5L, response.ownerId());
        }
    }

    @Nested
    class Permissions {
        private static final String PERMISSIONS = """
                {"object_id": "authorization/tokens", "object_type": "tokens",
                 "access_control_list": [
                   {"group_name": "admins", "all_permissions": [
                      {"permission_level": "CAN_MANAGE", "inherited": true, "inherited_from_object": ["/root"]}]},
                   {"user_name": "jane@example.com", "display_name": "Jane",
                    "all_permissions": [{"permission_level": "CAN_USE", "inherited": false}]},
                   {"service_principal_name": "sp-1"}
                 ]}""";

        private final TokenPermissionsRequest grants = new TokenPermissionsRequest(List.of(
                new TokenAccessControlRequest("jane@example.com", null, null, "CAN_USE")));
        private final String grantsJson =
                "{\"access_control_list\":[{\"user_name\":\"jane@example.com\",\"permission_level\":\"CAN_USE\"}]}";

        private void assertDecoded(TokenPermissions permissions) {
            assertEquals("authorization/tokens", permissions.objectId());
            assertEquals("tokens", permissions.objectType());
            assertEquals(3, permissions.accessControlList().size());
            assertEquals(new TokenAccessControlResponse(null, "admins", null, null,
                    List.of(new TokenPermission("CAN_MANAGE", true, List.of("/root")))),
                    permissions.accessControlList().get(0));
            assertEquals(new TokenAccessControlResponse("jane@example.com", null, null, "Jane",
                    List.of(new TokenPermission("CAN_USE", false, List.of()))),
                    permissions.accessControlList().get(1));
            assertEquals(List.of(), permissions.accessControlList().get(2).allPermissions());
        }

        @Test
        void should_get_permission_levels() {
            respond("{\"permission_levels\": [{\"permission_level\": \"CAN_USE\", \"description\": \"Can use tokens\"}]}");
            GetTokenPermissionLevelsResponse response = client.getPermissionLevels();
            verify(1, sent("GET", "/api/2.0/permissions/authorization/tokens/permissionLevels", true, false));
            assertEquals(List.of(new TokenPermissionsDescription("CAN_USE", "Can use tokens")), response.permissionLevels());
        }

        @Test
        void should_read_missing_permission_levels_as_empty() {
            respond("{}");
            assertEquals(List.of(), client.getPermissionLevels().permissionLevels());
        }

        @Test
        void should_get_permissions() {
            respond(PERMISSIONS);
            TokenPermissions response = client.getPermissions();
            verify(1, sent("GET", "/api/2.0/permissions/authorization/tokens", true, false));
            assertDecoded(response);
        }

        @Test
        void should_put_the_whole_list_on_set() {
            respond(PERMISSIONS);
            TokenPermissions response = client.setPermissions(grants);
            verify(1, sent("PUT", "/api/2.0/permissions/authorization/tokens", true, true)
                    .withRequestBody(equalToJson(grantsJson)));
            assertDecoded(response);
        }

        @Test
        void should_send_an_empty_object_for_an_explicit_empty_list_on_set() {
            respond("{}");
            TokenPermissions response = client.setPermissions(new TokenPermissionsRequest(List.of()));
            verify(1, sent("PUT", "/api/2.0/permissions/authorization/tokens", true, true)
                    .withRequestBody(equalTo("{}")));
            assertEquals(List.of(), response.accessControlList());
        }

        @Test
        void should_patch_on_update() {
            respond(PERMISSIONS);
            TokenPermissions response = client.updatePermissions(grants);
            verify(1, sent("PATCH", "/api/2.0/permissions/authorization/tokens", true, true)
                    .withRequestBody(equalToJson(grantsJson)));
            assertDecoded(response);
        }
    }

    @Nested
    class Workspace_conf {
        @Test
        void should_get_with_the_keys_verbatim_and_read_null_as_empty_string() {
            respond("{\"enableTokensConfig\": \"true\", \"maxTokenLifetimeDays\": null}");

            Map<String, String> conf = client.getWorkspaceConf("enableTokensConfig,maxTokenLifetimeDays");

            verify(1, sent("GET", "/api/2.0/workspace-conf?keys=enableTokensConfig%2CmaxTokenLifetimeDays", true, false));
            assertEquals(Map.of("enableTokensConfig", "true", "maxTokenLifetimeDays", ""), conf);
        }

        @Test
        void should_encode_spaces_in_keys_as_percent_20() {
            respond("{}");
            assertEquals(Map.of(), client.getWorkspaceConf("a b"));
            verify(1, sent("GET", "/api/2.0/workspace-conf?keys=a%20b", true, false));
        }

        @Test
        void should_patch_a_flat_string_map_without_accept() {
            respond("");
            Map<String, String> conf = new LinkedHashMap<>();
            conf.put("enableTokensConfig", "false");
            conf.put("maxTokenLifetimeDays", "");
            client.setWorkspaceConf(conf);
            verify(1, sent("PATCH", "/api/2.0/workspace-conf", false, true).withRequestBody(
                    equalToJson("{\"enableTokensConfig\":\"false\",\"maxTokenLifetimeDays\":\"\"}")));
        }
    }

    @Nested
    class Common_headers {
        @Test
        void should_omit_the_workspace_id_when_unset(WireMockRuntimeInfo wm) {
            respond("{}");
            TestConfigs.pat(wm.getHttpBaseUrl()).client().listTokens();
            verify(1, requestedFor("GET", urlEqualTo("/api/2.0/token/list"))
                    .withHeader("X-Databricks-Workspace-Id", absent())
                    .withHeader("Authorization", equalTo("Bearer " + TestConfigs.TOKEN)));
        }

        @Test
        void should_send_basic_credentials_and_name_basic_in_the_user_agent(WireMockRuntimeInfo wm) {
            respond("{}");
            TestConfigs.basic(wm.getHttpBaseUrl()).client().listTokens();
            verify(1, requestedFor("GET", urlEqualTo("/api/2.0/token/list"))
                    .withHeader("Authorization", equalTo("Basic amFuZUBleGFtcGxlLmNvbTpwYTU1LVNFQ1JFVA=="))
                    .withHeader("User-Agent", matching(".* auth/basic")));
        }

        @Test
        void should_send_an_oauth_access_token_from_the_supplier(WireMockRuntimeInfo wm) {
            respond("{}");
            DatabricksClient oauth = new DatabricksClient(TestConfigs.pat(wm.getHttpBaseUrl()).authType("oauth-m2m").build(),
                    CredentialsProvider.oauthM2m(() -> "eyJ-access"));
            oauth.listTokens();
            verify(1, requestedFor("GET", urlEqualTo("/api/2.0/token/list"))
                    .withHeader("Authorization", equalTo("Bearer eyJ-access"))
                    .withHeader("User-Agent", matching(".* auth/oauth-m2m")));
        }

        @Test
        void should_run_extra_interceptors_after_authentication(WireMockRuntimeInfo wm) {
            respond("{}");
            List<String> seen = new ArrayList<>();
            DatabricksClient withLog = new DatabricksClient(TestConfigs.pat(wm.getHttpBaseUrl()).build(),
                    CredentialsProvider.pat(TestConfigs.TOKEN),
                    chain -> {
                        seen.add(chain.request().method() + " " + chain.request().url().encodedPath()
                                + " auth=" + (chain.request().header("Authorization") != null));
                        return chain.proceed(chain.request());
                    });
            withLog.listTokens();
            assertEquals(List.of("GET /api/2.0/token/list auth=true"), seen);
        }
    }

    @Test
    void should_not_show_the_new_token_in_to_string() {
        respond("{\"token_value\": \"dapi-SECRET\"}");
        String text = client.createToken(new CreateTokenRequest(null, null, null, null)).toString();
        assertTrue(text.contains("tokenValue=***"), text);
        assertFalse(text.contains("SECRET"), text);
    }
}
