package dev.dbtok.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import okhttp3.Request;

/**
 * A 2xx response whose body is not the JSON that was expected. The message reads
 * {@code <Op> "<url>": cannot decode the response: <what> at <field path> (line L, column C)}.
 *
 * <p>Jackson's own message is deliberately not used, nor kept as the cause: it can quote the offending input,
 * and a {@code tokens create} response carries the new token.
 */
public final class ResponseDecodeException extends DatabricksException {
    private static final long serialVersionUID = 1L;


    private ResponseDecodeException(String message) {
        super(message, null);
    }

    static ResponseDecodeException of(Request request, JsonProcessingException e) {
        return of(request, e, null);
    }

    /**
     * The failure of a parser that took over a streamed body part-way ({@link ListScanner}), its position placed in the
     * body by {@code resumedAt} ({@code null}: the parser read the body from its start).
     */
    static ResponseDecodeException of(Request request, JsonProcessingException e, JsonBytes.ResumedAt resumedAt) {
        StringBuilder b = new StringBuilder()
                .append(TransportException.operation(request.method()))
                .append(" \"").append(request.url()).append("\": cannot decode the response: ")
                .append(e instanceof JsonMappingException ? "unexpected value" : "invalid JSON");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            b.append(" at ").append(path(mapping));
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            int line = location.getLineNr();
            int column = location.getColumnNr();
            if (resumedAt != null) {
                column = resumedAt.columnInBody(line, column);
                line = resumedAt.lineInBody(line);
            }
            b.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return new ResponseDecodeException(b.toString());
    }

    /** {@code token_infos[0].creation_time}: field names and indexes only, never values. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
