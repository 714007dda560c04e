package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PlainHttpTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://api.localhost", "http://127.0.0.1:1",
        "http://127.9.9.9", "http://[::1]:8080", "https://dbc-1.example.com"})
    void credentials_stay_on_this_machine_or_are_encrypted(String host) {
        assertFalse(PlainHttp.exposesCredentials(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://dbc-1.example.com", "http://10.0.0.5:8080", "http://128.0.0.1",
        "http://localhost.example.com", "http://[fe80::1]", "http://127.0.0.1.nip.io"})
    void credentials_cross_the_network_in_clear(String host) {
        assertTrue(PlainHttp.exposesCredentials(host), host);
    }
}
