package dev.dbtok.support;

import java.util.List;

/** The outcome of one dbtok run through the real wiring: what it printed and how it exited. */
public record CliRun(List<String> args, int exitCode, String out, String err) {
    /** Everything a failed assertion needs to be understood without re-running. */
    public String dump() {
        return "dbtok " + String.join(" ", args) + "\n--- exit code: " + exitCode + "\n--- stdout:\n" + out
                + "--- stderr:\n" + err + "---";
    }
}
