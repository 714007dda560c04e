package dev.dbtok.cli.configure;

import dev.dbtok.cli.CliException;
import dev.dbtok.config.ConfigException;
import dev.dbtok.config.HostNormalizer;
import dev.dbtok.http.PlainHttp;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A host typed by the user, made into {@code https://host[:port]} as the official CLI saves it. Plain
 * {@code http://} is refused, as there, except for this machine (a local test server or the emulator),
 * where no token crosses the network.
 */
final class HostInput {
    private HostInput() {
    }

    /**
     * @return the normalised host
     * @throws CliException naming the input and what is wrong with it
     */
    static String validate(String input) {
        String trimmed = input.strip();
        String reason = problem(trimmed);
        if (reason != null) {
            throw new CliException("invalid host \"" + trimmed + "\": " + reason);
        }
        return normalize(trimmed).orElseThrow();
    }

    /** What is wrong with {@code input}, or {@code null}; for prompts that ask again. */
    static String problem(String input) {
        Optional<String> normalized;
        try {
            normalized = normalize(input.strip());
        } catch (ConfigException badPort) {
            return badPort.getMessage();
        }
        if (normalized.isEmpty() || HttpUrl.parse(normalized.get()) == null) {
            return "expected a URL such as https://dbc-1234567890123456.cloud.databricks.com";
        }
        HttpUrl url = HttpUrl.parse(normalized.get());
        if (!url.isHttps() && (!url.scheme().equals("http") || PlainHttp.exposesCredentials(normalized.get()))) {
            return "must start with https://";
        }
        return null;
    }

    private static Optional<String> normalize(String input) {
        return HostNormalizer.normalize(input).map(HostNormalizer.Normalized::host);
    }
}
