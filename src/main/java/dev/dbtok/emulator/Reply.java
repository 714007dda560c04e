package dev.dbtok.emulator;

import java.util.Map;

/**
 * What an endpoint answers: a status and a body that {@link EmulatorHandler} encodes with dbtok's own mapper from
 * the {@code http.model} records, so the emulator cannot send a shape the client does not read.
 *
 * @param body the object to encode as JSON, or null for no body at all
 */
record Reply(int status, Object body) {
    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    /** 200 with {@code {}}, what workspaces answer to deletes and updates that return nothing. */
    static Reply emptyObject() {
        return new Reply(200, Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null);
    }
}
