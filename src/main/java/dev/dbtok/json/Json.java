package dev.dbtok.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.JsonSetter;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson mapper of dbtok, for the wire and for printing.
 *
 * <p>Built on first use (holder idiom) so that commands which never touch JSON, such as
 * {@code --help}, do not pay for it at start-up.
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = build();
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // Unknown response fields are dropped, as the official CLI drops them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Services encode empty objects as "" now and then.
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                // Printed keys are sorted at every level, for records and for maps.
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                // ... and for Jackson trees, which ORDER_MAP_ENTRIES_BY_KEYS does not reach.
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // "Absent" is null in our records; a present zero, "" or false is still printed and sent.
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // Empty lists are omitted, like Go's omitempty on slices; a missing list reads as empty.
        mapper.configOverride(List.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
                .setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        mapper.configOverride(Map.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
        return mapper;
    }
}
