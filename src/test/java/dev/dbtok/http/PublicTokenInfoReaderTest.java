package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import dev.dbtok.http.model.PublicTokenInfo;
import dev.dbtok.json.Json;
import dev.dbtok.json.JsonParsers;
import java.io.IOException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written decoder must give what the shared mapper gives. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicTokenInfoReaderTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "null",
        "{\"token_id\": \"t\", \"creation_time\": 1, \"expiry_time\": -1, \"comment\": \"c\", \"scopes\": [\"a\", null],"
                + " \"autoscope_state\": \"\", \"inferred_scopes\": [], \"backfill_scopes\": null, \"created_by_id\": 9223372036854775807,"
                + " \"created_by_username\": \"u\", \"last_used_day\": 0, \"owner_id\": -9223372036854775808, \"workspace_id\": 5}",
        "{\"token_id\": 42, \"comment\": true, \"creation_time\": \"123\", \"expiry_time\": 1.0, \"owner_id\": null}",
        "{\"scopes\": [1, true, \"x\"], \"extra\": {\"deep\": [[{}], null]}, \"token_id\": \"a\", \"token_id\": \"b\"}",
        "{\"token_id\": \"\\u2028\\ud83d\\ude00\\ud83d\"}",
        "{\"creation_time\": 9223372036854775807, \"expiry_time\": -9223372036854775808, \"comment\": \"\\t\\\"<&>\\\\ é 日本\"}",
        "{\"comment\": null, \"token_id\": null, \"expiry_time\": null, \"scopes\": null, \"inferred_scopes\": [null]}",
        "{\"unknown\": 1e400, \"nested\": {\"token_id\": \"inner\"}, \"token_id\": \"outer\"}",
        "{\"creation_time\": 12, \"expiry_time\": -1, \"created_by_id\": \"not a number, and not read\"}"
    })
    void should_decode_as_the_mapper_does(String json) throws IOException {
        assertEquals(Json.mapper().readValue(json, PublicTokenInfo.class), read(json));
    }

    @Test
    void should_name_the_field_of_a_value_that_does_not_decode() throws IOException {
        com.fasterxml.jackson.databind.JsonMappingException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.databind.JsonMappingException.class, () -> read("{\"creation_time\": \"soon\"}"));

        assertEquals("creation_time", e.getPath().get(0).getFieldName());
    }

    @Test
    void should_refuse_an_integer_beyond_64_bits_as_the_mapper_does() {
        com.fasterxml.jackson.databind.JsonMappingException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.databind.JsonMappingException.class, () -> read("{\"expiry_time\": 9223372036854775808}"));

        assertEquals("expiry_time", e.getPath().get(0).getFieldName());
        org.junit.jupiter.api.Assertions.assertThrows(com.fasterxml.jackson.databind.JsonMappingException.class,
                () -> Json.mapper().readValue("{\"expiry_time\": 9223372036854775808}", PublicTokenInfo.class));
    }

    private static PublicTokenInfo read(String json) throws IOException {
        // The parser of a streamed listing: no mapper behind it.
        try (JsonParser parser = JsonParsers.of(json)) {
            parser.nextToken();
            return PublicTokenInfoReader.read(parser);
        }
    }
}
