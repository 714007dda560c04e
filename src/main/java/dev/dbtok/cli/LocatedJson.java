package dev.dbtok.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed {@code --json} value that remembers where it stood, so warnings can point at it. */
sealed interface LocatedJson {
    int line();

    int col();

    /** The kind names the official CLI uses in its messages. */
    String kind();

    record Field(String key, int line, int col, LocatedJson value) {
    }

    record Obj(List<Field> fields, int line, int col) implements LocatedJson {
        @Override
        public String kind() {
            return "map";
        }
    }

    record Arr(List<LocatedJson> items, int line, int col) implements LocatedJson {
        @Override
        public String kind() {
            return "sequence";
        }
    }

    record Scalar(JsonNode value, int line, int col) implements LocatedJson {
        @Override
        public String kind() {
            if (value.isTextual()) {
                return "string";
            }
            if (value.isBoolean()) {
                return "bool";
            }
            if (value.isIntegralNumber()) {
                return "int";
            }
            if (value.isNumber()) {
                return "float";
            }
            return "nil";
        }
    }
}
