package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Adds the path of a value that failed to decode ({@code token_infos[7].creation_time}) to its error, as the shared
 * mapper reports it. Its own class on purpose: the streaming decoders mention Jackson's data binding only through
 * here, so a listing that decodes cleanly never loads it (the JVM's verifier would load the classes named in a
 * decoder's own error handling).
 */
final class DecodePaths {
    private DecodePaths() {
    }

    /** {@code e} at the field {@code name} of {@code owner} (an object, or its class). */
    static JsonProcessingException atField(JsonProcessingException e, Object owner, String name) {
        return JsonMappingException.wrapWithPath(e, owner, name);
    }

    /** {@code e} at the element {@code index} of {@code owner} (a list, or {@code null}). */
    static JsonProcessingException atIndex(JsonProcessingException e, Object owner, int index) {
        return JsonMappingException.wrapWithPath(e, owner, index);
    }

    /** A decoding failure at the parser's position. */
    static JsonProcessingException unexpected(JsonParser parser, String message) {
        return new JsonMappingException(parser, message);
    }

    /** The mapper's failure on a record field met twice: it has no position. */
    static JsonProcessingException repeated(String name) {
        return new JsonMappingException((java.io.Closeable) null, "field " + name + " set twice");
    }
}
