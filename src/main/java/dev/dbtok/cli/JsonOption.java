package dev.dbtok.cli;

import picocli.CommandLine.Option;

/** The {@code --json} flag, shared by every command that takes a request body. */
public final class JsonOption {
    @Option(names = "--json", paramLabel = "JSON", converter = JsonArg.Converter.class,
            description = "either inline JSON string or @path/to/file.json with request body")
    JsonArg value;

    /** The document, or {@code null} when the flag was not given. */
    public JsonArg value() {
        return value;
    }

    public boolean given() {
        return value != null;
    }
}
