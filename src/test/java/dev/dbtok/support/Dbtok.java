package dev.dbtok.support;

import dev.dbtok.cli.Cli;
import dev.dbtok.cli.SecretPrompt;
import dev.dbtok.cli.Services;
import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import dev.dbtok.http.Sleeper;
import dev.dbtok.output.Log;
import dev.dbtok.output.Terminal;
import dev.dbtok.output.Utf8PrintWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs dbtok through {@link Cli#newCommandLine} (the wiring {@code main} uses) with a fake
 * environment: a temp HOME, no terminal unless asked, stdin from a string, and a {@link FakeTime}
 * so that waits between retries pass at once (unless {@link #realTime()} is asked for).
 */
public final class Dbtok {
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean interactive;
    private boolean byteStdout;
    private Clock clock;
    private Sleeper sleeper;
    private Path workingDir;
    private SecretPrompt secretPrompt = prompt -> null;
    private BiFunction<ResolvedConfig, Log, DatabricksClient> clients = DatabricksClient::create;

    private Dbtok(Path home) {
        env.put("HOME", home.toString());
        // Never the real working directory: a databricks.yml above it must not change a test's outcome.
        this.workingDir = home;
        time(FakeTime.onTopOfRealTime());
    }

    /** A run whose HOME is {@code home}; the real user's configuration is never visible. */
    public static Dbtok inHome(Path home) {
        return new Dbtok(home);
    }

    public Dbtok env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Dbtok stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Where a bundle's {@code databricks.yml} is looked for; HOME unless set. */
    public Dbtok workingDir(Path dir) {
        this.workingDir = dir;
        return this;
    }

    /** Answers hidden prompts (e.g. the token prompt of {@code configure}); by default they get end of input. */
    public Dbtok secretPrompt(SecretPrompt prompt) {
        this.secretPrompt = prompt;
        return this;
    }

    /** How clients are built; the real factory unless a test needs to stop before any request. */
    public Dbtok clients(Function<ResolvedConfig, DatabricksClient> factory) {
        this.clients = (config, log) -> factory.apply(config);
        return this;
    }

    /**
     * stdout as {@code main} builds it: a {@link Utf8PrintWriter} over a byte stream, which long listings write
     * encoded bytes to; a plain writer otherwise.
     */
    public Dbtok byteStdout() {
        this.byteStdout = true;
        return this;
    }

    /** Pretends stdin, stdout and stderr are a terminal. */
    public Dbtok interactive() {
        this.interactive = true;
        return this;
    }

    /** Waits between retries with {@code time}, which records them; the default is a fresh {@link FakeTime}. */
    public Dbtok time(FakeTime time) {
        this.clock = time;
        this.sleeper = time;
        return this;
    }

    /** Really waits between retries, as {@code main} does. */
    public Dbtok realTime() {
        this.clock = Clock.systemUTC();
        this.sleeper = Sleeper.SYSTEM;
        return this;
    }

    public CliRun run(String... args) {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(interactive, interactive, interactive, env);
        Services services = new Services(Map.copyOf(env), terminal,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                (config, log) -> clients.apply(config, log).withTime(clock, sleeper), workingDir, secretPrompt);
        PrintWriter outWriter = byteStdout ? new Utf8PrintWriter(outBytes) : new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        int code = Cli.newCommandLine(services, outWriter, errWriter, args).execute(args);
        outWriter.flush();
        errWriter.flush();
        String printed = byteStdout ? outBytes.toString(StandardCharsets.UTF_8) : out.toString();
        return new CliRun(List.of(args), code, printed, err.toString());
    }
}
