package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dbtok.http.model.ListPublicTokensResponse;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.json.Json;
import dev.dbtok.json.JsonParsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tokens list} decodes its body field by field ({@link Listing#readAll}, {@link PublicTokenInfoReader}); the
 * result, and the error of a body that does not decode, must equal those of the shared mapper's whole-body decoding.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicTokenListDecodingTest {
    private static final Request LIST = new Request.Builder().url("http://localhost/api/2.0/token/list").build();

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " \n\t",
        "{}",
        "null",
        "\"\"",
        "{\"token_infos\": []}",
        "{\"token_infos\": null}",
        "{\"token_infos\": \"\"}",
        "{\"token_infos\": [null, {}]}",
        "{\"other\": [1, {\"token_infos\": [{}]}], \"token_infos\": [{\"token_id\": \"a\"}], \"after\": {\"x\": null}}",
        "{\"token_infos\": [{\"token_id\": \"t\", \"creation_time\": 9223372036854775807, \"expiry_time\": -9223372036854775808,"
                + " \"comment\": \"c\", \"scopes\": [\"a\", null], \"autoscope_state\": \"\", \"inferred_scopes\": [],"
                + " \"backfill_scopes\": null, \"created_by_id\": 5, \"unknown\": {\"deep\": [[{}], null]}}]}",
        "{\"token_infos\": [{\"token_id\": null, \"creation_time\": null, \"expiry_time\": null, \"comment\": null,"
                + " \"scopes\": null, \"autoscope_state\": null, \"inferred_scopes\": null, \"backfill_scopes\": null}]}",
        "{\"token_infos\": [{\"token_id\": 42, \"comment\": true, \"creation_time\": \"123\", \"expiry_time\": 1.0}]}",
        "{\"token_infos\": [{\"scopes\": [1, true, \"x\"], \"token_id\": \"a\", \"token_id\": \"b\"}]}",
        "{\"token_infos\": [{\"comment\": \"\\u2028\\ud83d\\ude00\\ud83d \\\"<&>\\\\ \\n\\t\\u0000 é日本\"}]}",
        "{\"token_infos\": [{\"comment\": \"é日本😀\"}]} trailing",
    })
    void should_decode_as_the_mapper_does(String body) {
        assertEquals(byMapper(body), byFields(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{",
        "{\"token_infos\": [",
        "{\"token_infos\": [{\"token_id\": \"a\"}",
        "{\"token_infos\": [{}, {\"token_id\": \"a\", \"creation_time\": \"soon\"}]}",
        "{\"token_infos\": [{}, {\"expiry_time\": 99999999999999999999}]}",
        "{\"token_infos\": [{\"scopes\": [\"a\", {}]}]}",
        "{\"token_infos\": [1]}",
        "{\"token_infos\": 1}",
        "{\"token_infos\": [{\"token_id\": \"a\"}], \"x\": }",
        "{\"token_infos\": [{\"token_id\": \"a\" \"comment\": \"b\"}]}",
        "{\"token_infos\": null, x}",
        "{\"token_infos\": [], x}",
        "{\"token_infos\": \"\", x}",
        "{\"x\": 1 \"token_infos\": []}",
        // The mapper sets the record's list once: a second one fails, after it has been decoded.
        "{\"token_infos\": [{\"token_id\": \"a\"}], \"token_infos\": [{\"token_id\": \"b\"}, {\"token_id\": \"c\"}]}",
        "{\"token_infos\": [{\"token_id\": \"a\"}], \"token_infos\": null}",
        "{\"token_infos\": null, \"token_infos\": []}",
        "{\"token_infos\": \"\", \"token_infos\": \"\"}",
        "{\"token_infos\": [], \"token_infos\": [{\"creation_time\": \"soon\"}]}",
        "{\"token_infos\": [], \"token_infos\": [], broken",
        "{\"token_infos\": [], \"token_infos\": [{}, ",
    })
    void should_fail_as_the_mapper_does(String body) {
        ResponseDecodeException expected = assertThrows(ResponseDecodeException.class, () -> byMapper(body));
        ResponseDecodeException actual = assertThrows(ResponseDecodeException.class, () -> byFields(body));

        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @Test
    void should_keep_every_token_in_order() {
        StringBuilder body = new StringBuilder("{\"token_infos\": [");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"token_id\": \"t").append(i).append("\", \"expiry_time\": ").append(i).append('}');
        }
        List<PublicTokenInfo> tokens = byFields(body.append("]}").toString());

        assertEquals(1000, tokens.size());
        assertEquals("t999", tokens.get(999).tokenId());
        assertEquals(999L, tokens.get(999).expiryTime());
    }

    @Test
    void should_read_a_token_as_the_mapper_reads_it() throws IOException {
        String json = "{\"token_id\": \"t\", \"scopes\": [\"s\"], \"creation_time\": 1}";
        try (JsonParser parser = JsonParsers.of(json)) {
            parser.nextToken();

            assertEquals(Json.mapper().readValue(json, PublicTokenInfo.class), PublicTokenInfoReader.read(parser));
        }
    }

    /** What the client decoded before: the whole body through the mapper, empty or {@code null} as {@code {}}. */
    private static List<PublicTokenInfo> byMapper(String body) {
        String json = body.isBlank() || body.equals("null") ? "{}" : body;
        try {
            ListPublicTokensResponse response = Json.mapper().readValue(json, ListPublicTokensResponse.class);
            return response == null ? List.of() : response.tokenInfos();
        } catch (JsonProcessingException e) {
            throw ResponseDecodeException.of(LIST, e);
        }
    }

    private static List<PublicTokenInfo> byFields(String body) {
        return Listing.readAll(LIST, body.getBytes(StandardCharsets.UTF_8), "token_infos", PublicTokenInfo.class,
                PublicTokenInfoReader::read, PublicTokenInfoReader::readWhole);
    }
}
