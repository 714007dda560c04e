package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtok.http.model.CreateOboTokenRequest;
import dev.dbtok.http.model.CreateTokenRequest;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.http.model.RevokeTokenRequest;
import dev.dbtok.http.model.TokenAccessControlRequest;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.http.model.TokenPermissionsRequest;
import dev.dbtok.http.model.UpdateTokenManagementRequest;
import dev.dbtok.http.model.UpdateTokenRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Request shape without a server: method, URL, exact header set, exact body bytes and the resend tag. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RequestFactoryTest {
    private static final String HOST = "https://dbc-1.cloud.databricks.com";
    private static final String UA = "dbtok/0.1.0 jvm/17 os/linux auth/pat";
    private static final String TOKEN_ID = "5684c955822ac792a51ae2aeb80190f13457bab3e2e2934c133a08b38454816c";

    private final RequestFactory requests = new RequestFactory(HttpUrl.get(HOST), UA, "1234567890");
    private final RequestFactory noWorkspace = new RequestFactory(HttpUrl.get(HOST), UA, null);

    private static final Set<String> GET_HEADERS = Set.of("User-Agent", "Accept", "X-Databricks-Workspace-Id");
    private static final Set<String> BODY_HEADERS =
            Set.of("User-Agent", "Accept", "Content-Type", "X-Databricks-Workspace-Id");

    private static String body(Request request) throws IOException {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    private static void assertShape(Request request, String method, String url, Set<String> headerNames, Resend resend) {
        assertEquals(method, request.method());
        assertEquals(url, request.url().toString());
        assertEquals(headerNames, request.headers().names());
        assertEquals(UA, request.header("User-Agent"));
        assertEquals(resend, Resend.of(request));
        if (headerNames.contains("Accept")) {
            assertEquals("application/json", request.header("Accept"));
        }
        if (headerNames.contains("Content-Type")) {
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals("application/json", request.body().contentType().toString());
        }
        if (headerNames.contains("X-Databricks-Workspace-Id")) {
            assertEquals("1234567890", request.header("X-Databricks-Workspace-Id"));
        }
    }

    @Nested
    class Tokens {
        @Test
        void should_build_create_as_a_post_that_is_never_resent_once_sent() throws IOException {
            Request request = requests.createToken(new CreateTokenRequest(3600L, "ci", null, null));
            assertShape(request, "POST", HOST + "/api/2.0/token/create", BODY_HEADERS, Resend.ONLY_IF_NOT_SENT);
            assertEquals("{\"comment\":\"ci\",\"lifetime_seconds\":3600}", body(request));
        }

        @Test
        void should_send_an_explicit_zero_and_false_but_omit_absent_fields() throws IOException {
            Request request = requests.createToken(new CreateTokenRequest(0L, null, List.of("sql"), false));
            assertEquals("{\"autoscope_enabled\":false,\"lifetime_seconds\":0,\"scopes\":[\"sql\"]}", body(request));
        }

        @Test
        void should_send_an_empty_create_request_as_an_empty_object() throws IOException {
            assertEquals("{}", body(requests.createToken(new CreateTokenRequest(null, null, null, null))));
        }

        @Test
        void should_build_delete_as_a_post_with_the_id_in_the_body() throws IOException {
            Request request = requests.revokeToken(new RevokeTokenRequest(TOKEN_ID));
            assertShape(request, "POST", HOST + "/api/2.0/token/delete", BODY_HEADERS, Resend.ONLY_IF_NOT_SENT);
            assertEquals("{\"token_id\":\"" + TOKEN_ID + "\"}", body(request));
        }

        @Test
        void should_build_list_as_a_get_without_body() {
            Request request = requests.listTokens();
            assertShape(request, "GET", HOST + "/api/2.0/token/list", GET_HEADERS, Resend.SAFE);
            assertNull(request.body());
        }

        @Test
        void should_build_update_as_a_patch_with_the_id_in_the_path() throws IOException {
            PublicTokenInfo token = new PublicTokenInfo(null, null, null, "new", List.of("sql"), null, null, null);
            Request request = requests.updateToken(TOKEN_ID, new UpdateTokenRequest(token, "comment,scopes"));
            assertShape(request, "PATCH", HOST + "/api/2.0/token/" + TOKEN_ID, BODY_HEADERS, Resend.SAFE);
            assertEquals("{\"token\":{\"comment\":\"new\",\"scopes\":[\"sql\"]},\"update_mask\":\"comment,scopes\"}",
                    body(request));
        }
    }

    @Nested
    class Token_management {
        @Test
        void should_build_create_obo_token_as_a_post_that_is_never_resent_once_sent() throws IOException {
            Request request = requests.createOboToken(new CreateOboTokenRequest("app-1", 60L, "obo", null, true));
            assertShape(request, "POST", HOST + "/api/2.0/token-management/on-behalf-of/tokens", BODY_HEADERS,
                    Resend.ONLY_IF_NOT_SENT);
            assertEquals("{\"application_id\":\"app-1\",\"autoscope_enabled\":true,\"comment\":\"obo\",\"lifetime_seconds\":60}",
                    body(request));
        }

        @Test
        void should_build_delete_without_accept_and_without_any_body() {
            Request request = requests.deleteTokenManagement(TOKEN_ID);
            assertShape(request, "DELETE", HOST + "/api/2.0/token-management/tokens/" + TOKEN_ID,
                    Set.of("User-Agent", "X-Databricks-Workspace-Id"), Resend.SAFE);
            assertNull(request.body());
        }

        @Test
        void should_build_get_with_the_id_in_the_path() {
            Request request = requests.getTokenManagement(TOKEN_ID);
            assertShape(request, "GET", HOST + "/api/2.0/token-management/tokens/" + TOKEN_ID, GET_HEADERS, Resend.SAFE);
        }

        @Test
        void should_build_list_with_both_filters_encoded() {
            Request request = requests.listTokenManagement(202480738464078L, "jane doe@example.com");
            assertShape(request, "GET",
                    HOST + "/api/2.0/token-management/tokens?created_by_id=202480738464078"
                            + "&created_by_username=jane%20doe%40example.com",
                    GET_HEADERS, Resend.SAFE);
        }

        @Test
        void should_omit_null_zero_and_empty_filters() {
            assertEquals(HOST + "/api/2.0/token-management/tokens",
                    requests.listTokenManagement(null, null).url().toString());
            assertEquals(HOST + "/api/2.0/token-management/tokens",
                    requests.listTokenManagement(0L, "").url().toString());
        }

        @Test
        void should_build_update_as_a_patch_with_token_and_mask() throws IOException {
            TokenInfo token = new TokenInfo(null, null, null, "c", null, null, null, null, null, null, null, null, null);
            Request request = requests.updateTokenManagement(TOKEN_ID, new UpdateTokenManagementRequest(token, "comment"));
            assertShape(request, "PATCH", HOST + "/api/2.0/token-management/tokens/" + TOKEN_ID, BODY_HEADERS, Resend.SAFE);
            assertEquals("{\"token\":{\"comment\":\"c\"},\"update_mask\":\"comment\"}", body(request));
        }
    }

    @Nested
    class Permissions {
        private final TokenPermissionsRequest grants = new TokenPermissionsRequest(List.of(
                new TokenAccessControlRequest(null, "users", null, "CAN_USE"),
                new TokenAccessControlRequest(null, null, "sp-app-id", "CAN_USE")));

        @Test
        void should_build_get_permission_levels() {
            assertShape(requests.getPermissionLevels(), "GET",
                    HOST + "/api/2.0/permissions/authorization/tokens/permissionLevels", GET_HEADERS, Resend.SAFE);
        }

        @Test
        void should_build_get_permissions() {
            assertShape(requests.getPermissions(), "GET", HOST + "/api/2.0/permissions/authorization/tokens",
                    GET_HEADERS, Resend.SAFE);
        }

        @Test
        void should_build_set_as_put_and_update_as_patch() throws IOException {
            String json = "{\"access_control_list\":[{\"group_name\":\"users\",\"permission_level\":\"CAN_USE\"},"
                    + "{\"permission_level\":\"CAN_USE\",\"service_principal_name\":\"sp-app-id\"}]}";
            Request set = requests.setPermissions(grants);
            assertShape(set, "PUT", HOST + "/api/2.0/permissions/authorization/tokens", BODY_HEADERS, Resend.SAFE);
            assertEquals(json, body(set));
            Request update = requests.updatePermissions(grants);
            assertShape(update, "PATCH", HOST + "/api/2.0/permissions/authorization/tokens", BODY_HEADERS, Resend.SAFE);
            assertEquals(json, body(update));
        }
    }

    @Nested
    class Workspace_conf {
        @Test
        void should_send_keys_verbatim_with_commas_encoded() {
            Request request = requests.getWorkspaceConf("enableTokensConfig,maxTokenLifetimeDays");
            assertShape(request, "GET", HOST + "/api/2.0/workspace-conf?keys=enableTokensConfig%2CmaxTokenLifetimeDays",
                    GET_HEADERS, Resend.SAFE);
        }

        @Test
        void should_always_send_the_keys_parameter() {
            assertEquals(HOST + "/api/2.0/workspace-conf?keys=", requests.getWorkspaceConf("").url().toString());
        }

        @Test
        void should_build_set_status_as_a_patch_without_accept() throws IOException {
            Map<String, String> conf = new LinkedHashMap<>();
            conf.put("maxTokenLifetimeDays", "90");
            conf.put("enableTokensConfig", "true");
            Request request = requests.setWorkspaceConf(conf);
            assertShape(request, "PATCH", HOST + "/api/2.0/workspace-conf",
                    Set.of("User-Agent", "Content-Type", "X-Databricks-Workspace-Id"), Resend.SAFE);
            assertEquals("{\"enableTokensConfig\":\"true\",\"maxTokenLifetimeDays\":\"90\"}", body(request));
        }
    }

    @Nested
    class Headers_and_urls {
        @Test
        void should_omit_the_workspace_id_header_when_unset_or_empty() {
            assertNull(noWorkspace.listTokens().header("X-Databricks-Workspace-Id"));
            RequestFactory empty = new RequestFactory(HttpUrl.get(HOST), UA, "");
            assertNull(empty.createToken(new CreateTokenRequest(null, null, null, null)).header("X-Databricks-Workspace-Id"));
        }

        @Test
        void should_never_carry_authorization_which_is_added_on_the_way_out() {
            assertNull(requests.listTokens().header("Authorization"));
        }

        @Test
        void should_path_encode_ids() {
            assertEquals(HOST + "/api/2.0/token-management/tokens/a%2Fb%3Fc%20d",
                    requests.getTokenManagement("a/b?c d").url().toString());
            assertEquals(HOST + "/api/2.0/token/%252e", requests.updateToken("%2e", null).url().toString());
        }

        @Test
        void should_refuse_ids_that_would_change_the_path() {
            for (String id : new String[] {"", ".", "..", null}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> requests.deleteTokenManagement(id));
                assertEquals("invalid token ID: \"" + (id == null ? "" : id) + "\"", e.getMessage());
            }
        }

        @Test
        void should_keep_a_port_and_drop_any_path_of_the_host() {
            RequestFactory local = new RequestFactory(HttpUrl.get("http://localhost:8080/foo/"), UA, null);
            assertEquals("http://localhost:8080/api/2.0/token/list", local.listTokens().url().toString());
        }

        @Test
        void should_build_from_a_resolved_config() {
            RequestFactory fromConfig = RequestFactory.of(
                    TestConfigs.pat("http://localhost:8080").workspaceId("42").build(), "pat");
            Request request = fromConfig.listTokens();
            assertEquals("http://localhost:8080/api/2.0/token/list", request.url().toString());
            assertEquals("42", request.header("X-Databricks-Workspace-Id"));
            assertEquals(UserAgent.of("pat"), request.header("User-Agent"));
        }

        @Test
        void should_refuse_a_missing_host() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RequestFactory.of(TestConfigs.pat(null).build(), "pat"));
            assertEquals("no host configured", e.getMessage());
        }
    }
}
