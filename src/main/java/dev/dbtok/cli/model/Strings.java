package dev.dbtok.cli.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Strings and string arrays in the command catalog, {@code null} included. */
final class Strings {
    private Strings() {
    }

    static void write(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String read(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeAll(DataOutput out, String[] all) throws IOException {
        out.writeInt(all == null ? -1 : all.length);
        if (all != null) {
            for (String s : all) {
                write(out, s);
            }
        }
    }

    static String[] readAll(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        String[] all = new String[n];
        for (int i = 0; i < n; i++) {
            all[i] = read(in);
        }
        return all;
    }
}
