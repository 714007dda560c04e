package dev.dbtok.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtok.json.Json;

/** Fluent checks on a {@link CliRun}; every failure message carries the whole run. */
public final class CliRunAssert {
    private final CliRun run;

    private CliRunAssert(CliRun run) {
        this.run = run;
    }

    public static CliRunAssert assertThat(CliRun run) {
        return new CliRunAssert(run);
    }

    public CliRunAssert succeeded() {
        assertEquals(0, run.exitCode(), () -> "expected success\n" + run.dump());
        return this;
    }

    public CliRunAssert failedWith(int code) {
        assertEquals(code, run.exitCode(), () -> "expected exit code " + code + "\n" + run.dump());
        return this;
    }

    public CliRunAssert outEquals(String expected) {
        assertEquals(expected, run.out(), () -> "stdout differs\n" + run.dump());
        return this;
    }

    public CliRunAssert errEquals(String expected) {
        assertEquals(expected, run.err(), () -> "stderr differs\n" + run.dump());
        return this;
    }

    public CliRunAssert outIsEmpty() {
        return outEquals("");
    }

    public CliRunAssert errIsEmpty() {
        return errEquals("");
    }

    public CliRunAssert errStartsWith(String prefix) {
        assertTrue(run.err().startsWith(prefix), () -> "stderr should start with " + prefix + "\n" + run.dump());
        return this;
    }

    public CliRunAssert errContains(String part) {
        assertTrue(run.err().contains(part), () -> "stderr should contain " + part + "\n" + run.dump());
        return this;
    }

    public CliRunAssert outContains(String part) {
        assertTrue(run.out().contains(part), () -> "stdout should contain " + part + "\n" + run.dump());
        return this;
    }

    public CliRunAssert errDoesNotContain(String part) {
        assertFalse(run.err().contains(part), () -> "stderr must not contain " + part + "\n" + run.dump());
        return this;
    }

    public CliRunAssert noStackTrace() {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), () -> "stack trace printed\n" + run.dump());
        return this;
    }

    /** The run's stdout parsed as JSON, failing if it is not valid JSON. */
    public JsonNode outJson() {
        try {
            return Json.mapper().readTree(run.out());
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON\n" + run.dump(), e);
        }
    }
}
