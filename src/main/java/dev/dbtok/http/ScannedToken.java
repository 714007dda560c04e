package dev.dbtok.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A token of a plain listing body ({@link ListScanner}) kept as the JSON it arrived in, with where each field's value
 * is: for {@code -o json}, which then prints the values as they came, with Go's escapes, instead of decoding them
 * into strings and numbers and encoding them again. The values are what {@link TokenInfoScan} accepts: strings
 * without escapes or control characters in well-formed UTF-8, integers of up to 18 digits, lists of such strings.
 * A {@code null} value counts as absent, as it decodes to an absent field or an empty list.
 */
public final class ScannedToken {
    public static final int TOKEN_ID = 0;
    public static final int CREATION_TIME = 1;
    public static final int EXPIRY_TIME = 2;
    public static final int COMMENT = 3;
    public static final int CREATED_BY_ID = 4;
    public static final int CREATED_BY_USERNAME = 5;
    public static final int OWNER_ID = 6;
    public static final int WORKSPACE_ID = 7;
    public static final int LAST_USED_DAY = 8;
    public static final int SCOPES = 9;
    public static final int AUTOSCOPE_STATE = 10;
    public static final int INFERRED_SCOPES = 11;
    public static final int BACKFILL_SCOPES = 12;
    /** The field names by the constants above; the usual fields first, in the order a workspace sends them. */
    static final byte[][] NAMES = names("token_id", "creation_time", "expiry_time", "comment", "created_by_id",
            "created_by_username", "owner_id", "workspace_id", "last_used_day", "scopes", "autoscope_state",
            "inferred_scopes", "backfill_scopes");

    private final byte[] json;
    /** Per field, where its value starts and ends in {@code json}; the start is -1 when the field is absent. */
    private final int[] ranges;

    private ScannedToken(byte[] json, int[] ranges) {
        this.json = json;
        this.ranges = ranges;
    }

    /** The token whose object the cursor is before, or a decline ({@link JsonBytes.Decline}). */
    static ScannedToken read(JsonBytes in) throws IOException {
        if (in.peek() != '{') {
            throw JsonBytes.decline(); // null, or not an object: the mapper decodes it
        }
        int first = in.offset();
        in.skip();
        int[] ranges = new int[2 * NAMES.length];
        Arrays.fill(ranges, -1);
        if (in.peek() == '}') {
            in.skip();
        } else {
            int field = -1;
            while (true) {
                field = in.name(NAMES, field + 1);
                int at = switch (field) {
                    case TOKEN_ID, COMMENT, CREATED_BY_USERNAME, AUTOSCOPE_STATE -> in.stringAt();
                    case CREATION_TIME, EXPIRY_TIME, CREATED_BY_ID, OWNER_ID, WORKSPACE_ID, LAST_USED_DAY -> in.int64At();
                    case SCOPES, INFERRED_SCOPES, BACKFILL_SCOPES -> in.stringsAt();
                    default -> {
                        in.skipScalar();
                        yield -1;
                    }
                };
                if (field >= 0) {
                    // A field met twice keeps its last value, as with Jackson.
                    ranges[2 * field] = at < 0 ? -1 : at - first;
                    ranges[2 * field + 1] = in.offset() - first;
                }
                if (in.endOfObject()) {
                    break;
                }
            }
        }
        return new ScannedToken(in.copyFrom(first), ranges);
    }

    /** The token's JSON as received, which the ranges of the fields are in. */
    public byte[] json() {
        return json;
    }

    /** Whether {@code field} has a value other than {@code null}. */
    public boolean has(int field) {
        return ranges[2 * field] >= 0;
    }

    /** Where the value of {@code field} starts in {@link #json()}; the field must be there ({@link #has}). */
    public int start(int field) {
        return ranges[2 * field];
    }

    /** Where the value of {@code field} ends in {@link #json()}. */
    public int end(int field) {
        return ranges[2 * field + 1];
    }

    /** Whether the list {@code field} is there and holds a string. */
    public boolean hasItems(int field) {
        if (!has(field)) {
            return false;
        }
        for (int i = start(field); i < end(field); i++) {
            if (json[i] == '"') {
                return true;
            }
        }
        return false;
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }
}
