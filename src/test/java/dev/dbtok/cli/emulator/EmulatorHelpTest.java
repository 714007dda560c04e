package dev.dbtok.cli.emulator;

import static dev.dbtok.support.CliRunAssert.assertThat;

import dev.dbtok.support.Dbtok;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emulator} is a group that runs by itself: its help, its one subcommand, and its argument errors. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmulatorHelpTest {
    @TempDir
    Path home;

    @Test
    void should_be_listed_by_the_root_help() {
        assertThat(Dbtok.inHome(home).run("--help")).succeeded()
                .outContains("\n  emulator         Run a local workspace for trying dbtok and testing token scripts.\n");
    }

    @Test
    void should_show_both_usages_and_its_flags() {
        assertThat(Dbtok.inHome(home).run("emulator", "--help")).succeeded().errIsEmpty().outContains("""
                Usage:
                  dbtok emulator [flags]
                  dbtok emulator [command]

                Available Commands:
                  exec        Run a command against a fresh emulator.

                Flags:
                  -h, --help        help for emulator
                      --port int    port to listen on, on 127.0.0.1 (default: a free port)
                      --seed FILE   JSON file with extra users, service principals, tokens, permissions and settings
                """);
    }

    @Test
    void should_show_the_exec_usage() {
        assertThat(Dbtok.inHome(home).run("emulator", "exec", "--help")).succeeded()
                .outContains("Usage:\n  dbtok emulator exec -- COMMAND [ARGS...] [flags]\n");
    }

    @Test
    void should_refuse_an_unknown_word_like_other_groups() {
        assertThat(Dbtok.inHome(home).run("emulator", "start")).failedWith(1).outIsEmpty()
                .errStartsWith("Error: unknown command \"start\" for \"dbtok emulator\"\n\nUsage:\n");
    }

    @Test
    void should_refuse_a_port_out_of_range() {
        assertThat(Dbtok.inHome(home).run("emulator", "--port", "70000")).failedWith(1).outIsEmpty()
                .errStartsWith("Error: invalid argument \"70000\" for \"--port\" flag: port must be between 0 and 65535"
                        + " (0 picks a free port)\n\nUsage:\n");
    }
}
