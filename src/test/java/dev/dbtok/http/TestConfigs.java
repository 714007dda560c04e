package dev.dbtok.http;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.support.FakeTime;
import java.util.Map;

/** {@link ResolvedConfig}s for the tests, built field by field. */
final class TestConfigs {
    static final String TOKEN = "dapi0123456789abcdef-SECRET";
    static final String PASSWORD = "pa55-SECRET";
    static final String CLIENT_ID = "5b0c4b3e-sp";
    static final String CLIENT_SECRET = "dose-SECRET";

    private String host;
    private String workspaceId;
    private String token;
    private String username;
    private String password;
    private String profile;
    private String clientId;
    private String clientSecret;
    private String scopes;
    private String authType;
    private int httpTimeoutSeconds = ResolvedConfig.DEFAULT_HTTP_TIMEOUT_SECONDS;
    private int retryTimeoutSeconds = ResolvedConfig.DEFAULT_RETRY_TIMEOUT_SECONDS;
    private Integer rateLimit;
    private boolean disableRetries;
    private FakeTime time = FakeTime.onTopOfRealTime();

    private TestConfigs() {
    }

    /** A PAT configuration for {@code host} in profile {@code dev}, without a workspace ID. */
    static TestConfigs pat(String host) {
        TestConfigs c = new TestConfigs();
        c.host = host;
        c.token = TOKEN;
        c.profile = "dev";
        c.authType = "pat";
        return c;
    }

    /** A basic-auth configuration for {@code host} in profile {@code dev}. */
    static TestConfigs basic(String host) {
        TestConfigs c = new TestConfigs();
        c.host = host;
        c.username = "jane@example.com";
        c.password = PASSWORD;
        c.profile = "dev";
        c.authType = "basic";
        return c;
    }

    /** A service principal's OAuth M2M configuration for {@code host}, without a profile. */
    static TestConfigs oauth(String host) {
        TestConfigs c = new TestConfigs();
        c.host = host;
        c.clientId = CLIENT_ID;
        c.clientSecret = CLIENT_SECRET;
        c.authType = "oauth-m2m";
        return c;
    }

    TestConfigs scopes(String value) {
        scopes = value;
        return this;
    }

    TestConfigs workspaceId(String value) {
        workspaceId = value;
        return this;
    }

    TestConfigs profile(String value) {
        profile = value;
        return this;
    }

    TestConfigs authType(String value) {
        authType = value;
        return this;
    }

    TestConfigs httpTimeoutSeconds(int value) {
        httpTimeoutSeconds = value;
        return this;
    }

    TestConfigs retryTimeoutSeconds(int value) {
        retryTimeoutSeconds = value;
        return this;
    }

    TestConfigs rateLimit(Integer value) {
        rateLimit = value;
        return this;
    }

    /** One attempt per request, for tests about a single failure. */
    TestConfigs disableRetries() {
        disableRetries = true;
        return this;
    }

    /** The time the client waits with; by default a {@link FakeTime} on top of real time. */
    TestConfigs time(FakeTime value) {
        time = value;
        return this;
    }

    ResolvedConfig build() {
        return new ResolvedConfig(host, null, workspaceId, token, username, password, profile, null, clientId, clientSecret,
                scopes, authType, httpTimeoutSeconds, ResolvedConfig.DEFAULT_DEBUG_TRUNCATE_BYTES, false, rateLimit,
                retryTimeoutSeconds, disableRetries, Map.of());
    }

    /** A client whose waits between retries take no real time (see {@link #time(FakeTime)}). */
    DatabricksClient client() {
        return DatabricksClient.create(build()).withTime(time, time);
    }
}
