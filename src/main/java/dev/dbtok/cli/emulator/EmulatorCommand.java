package dev.dbtok.cli.emulator;

import dev.dbtok.cli.DbtokCommand;
import dev.dbtok.cli.model.Subcommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dbtok emulator}: serves a local workspace until stopped. Unlike the other groups it runs by itself; its one
 * subcommand is {@code exec}. Nothing of the emulator loads unless one of them runs.
 */
@Command(
        name = "emulator",
        header = "Run a local workspace for trying dbtok and testing token scripts.",
        description = {
            "Run a local workspace for trying dbtok and testing token scripts.",
            "",
            "  Serves the token, token-management, token permissions and workspace-conf APIs",
            "  on 127.0.0.1 until stopped with Ctrl-C, and prints the host, the accounts with",
            "  their tokens, and an export line for DATABRICKS_HOST and DATABRICKS_TOKEN.",
            "  Requests are logged on stderr. The workspace starts with an admin",
            "  (admin@example.com), a regular user (user@example.com) and a service",
            "  principal; --seed adds more. Its state lives in memory only."
        })
@Subcommands({ExecCommand.class})
public final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "int", converter = PortConverter.class,
            description = "port to listen on, on 127.0.0.1 (default: a free port)")
    Integer port;

    @Mixin
    SeedOption seed;

    @Override
    public Integer call() {
        return new Serve(DbtokCommand.session(spec), port == null ? 0 : port, seed.file()).run();
    }
}
