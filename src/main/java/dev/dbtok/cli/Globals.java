package dev.dbtok.cli;

import dev.dbtok.output.LogFormat;
import dev.dbtok.output.LogLevel;
import dev.dbtok.output.OutputFormat;

/**
 * The global flags after their environment defaults were applied: a flag beats its
 * {@code DATABRICKS_*} variable, which beats the built-in default; invalid variables are ignored.
 *
 * @param profile the {@code -p} value, or {@code null}
 * @param target the bundle target from {@code -t} or {@code DATABRICKS_BUNDLE_TARGET}, or {@code null}
 * @param logFile {@code stderr}, {@code stdout} or a path
 * @param targetFromFlag whether {@code target} came from {@code -t} itself: with {@code -p} and no
 *     {@code -t}, the official CLI does not look for a bundle at all
 */
public record Globals(
        OutputFormat output,
        String profile,
        String target,
        boolean debug,
        LogLevel logLevel,
        LogFormat logFormat,
        String logFile,
        boolean targetFromFlag) {
}
