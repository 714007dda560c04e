package dev.dbtok.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import dev.dbtok.http.model.TokenInfo;
import dev.dbtok.json.Json;
import java.io.IOException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written decoder must give what the shared mapper gives. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TokenInfoReaderTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "null",
        "{\"token_id\": \"t\", \"creation_time\": 1, \"expiry_time\": -1, \"comment\": \"c\", \"scopes\": [\"a\", null],"
                + " \"autoscope_state\": \"\", \"inferred_scopes\": [], \"backfill_scopes\": null, \"created_by_id\": 9223372036854775807,"
                + " \"created_by_username\": \"u\", \"last_used_day\": 0, \"owner_id\": -9223372036854775808, \"workspace_id\": 5}",
        "{\"token_id\": 42, \"comment\": true, \"creation_time\": \"123\", \"expiry_time\": 1.0, \"owner_id\": null}",
        "{\"scopes\": [1, true, \"x\"], \"extra\": {\"deep\": [[{}], null]}, \"token_id\": \"a\", \"token_id\": \"b\"}",
        "{\"token_id\": \"\\u2028\\ud83d\\ude00\\ud83d\"}"
    })
    void should_decode_as_the_mapper_does(String json) throws IOException {
        assertEquals(Json.mapper().readValue(json, TokenInfo.class), read(json));
    }

    @Test
    void should_name_the_field_of_a_value_that_does_not_decode() throws IOException {
        com.fasterxml.jackson.databind.JsonMappingException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.databind.JsonMappingException.class, () -> read("{\"creation_time\": \"soon\"}"));

        assertEquals("creation_time", e.getPath().get(0).getFieldName());
    }

    private static TokenInfo read(String json) throws IOException {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            parser.nextToken();
            return TokenInfoReader.read(parser);
        }
    }
}
