package dev.dbtok.cli;

import static dev.dbtok.support.CliRunAssert.assertThat;

import dev.dbtok.support.Dbtok;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HelpTest {
    static final String GLOBAL_FLAGS = """
            Global Flags:
                  --debug            enable debug logging
              -o, --output type      output type: text or json (default text)
              -p, --profile string   ~/.databrickscfg profile
              -t, --target string    bundle target to use (if applicable)
            """;

    static final String TOKENS_USAGE = """
            Usage:
              dbtok tokens [flags]
              dbtok tokens [command]

            Available Commands:
              create      Create a user token.
              delete      Revoke token.
              list        List tokens.
              update      Update a user token.

            Flags:
              -h, --help   help for tokens

            """ + GLOBAL_FLAGS + """

            Use "dbtok tokens [command] --help" for more information about a command.
            """;

    static final String TOKENS_HELP = """
            The Token API allows you to create, list, and revoke tokens that can be used
              to authenticate and access Databricks REST APIs.

            """ + TOKENS_USAGE;

    @TempDir
    Path home;

    @Test
    void should_print_group_help_on_stdout() {
        assertThat(Dbtok.inHome(home).run("tokens", "--help")).succeeded().errIsEmpty().outEquals(TOKENS_HELP);
    }

    @Test
    void should_print_group_help_for_a_bare_group() {
        assertThat(Dbtok.inHome(home).run("tokens")).succeeded().errIsEmpty().outEquals(TOKENS_HELP);
    }

    @Test
    void should_report_an_unknown_subcommand_with_the_group_usage() {
        assertThat(Dbtok.inHome(home).run("tokens", "foo")).failedWith(1).outIsEmpty()
                .errEquals("Error: unknown command \"foo\" for \"dbtok tokens\"\n\n" + TOKENS_USAGE + "\n");
    }

    @Test
    void should_report_an_unknown_root_command() {
        assertThat(Dbtok.inHome(home).run("foo")).failedWith(1).outIsEmpty()
                .errStartsWith("Error: unknown command \"foo\" for \"dbtok\"\n\nUsage:\n  dbtok [command]\n");
    }

    @Test
    void should_print_leaf_help_with_flags_and_global_flags() {
        assertThat(Dbtok.inHome(home).run("tokens", "create", "-h")).succeeded().errIsEmpty().outEquals("""
                Create a user token.

                  Creates and returns a token for a user. If this call is made through token
                  authentication, it creates a token with the same client ID as the
                  authenticated token. If the user's token quota is exceeded, this call returns
                  an error **QUOTA_EXCEEDED**.

                Usage:
                  dbtok tokens create [flags]

                Flags:
                      --autoscope-enabled      Whether to enable autoscoping for this token.
                      --comment string         Optional description to attach to the token.
                  -h, --help                   help for create
                      --json JSON              either inline JSON string or @path/to/file.json with request body
                      --lifetime-seconds int   The lifetime of the token, in seconds.

                """ + GLOBAL_FLAGS);
    }

    @Test
    void should_show_the_argument_in_the_usage_line() {
        assertThat(Dbtok.inHome(home).run("tokens", "delete", "--help")).succeeded().outEquals("""
                Revoke token.

                  Revokes an access token.

                  If a token with the specified ID is not valid, this call returns an error
                  **RESOURCE_DOES_NOT_EXIST**.

                  Arguments:
                    TOKEN_ID: The ID of the token to be revoked.

                Usage:
                  dbtok tokens delete TOKEN_ID [flags]

                Flags:
                  -h, --help        help for delete
                      --json JSON   either inline JSON string or @path/to/file.json with request body

                """ + GLOBAL_FLAGS);
    }

    @Test
    void should_print_root_help_for_a_bare_dbtok() {
        assertThat(Dbtok.inHome(home).run()).succeeded().errIsEmpty().outContains("""
                Usage:
                  dbtok [command]

                Available Commands:
                """).outContains("""
                Flags:
                      --debug            enable debug logging
                  -h, --help             help for dbtok
                  -o, --output type      output type: text or json (default text)
                  -p, --profile string   ~/.databrickscfg profile
                  -t, --target string    bundle target to use (if applicable)
                  -v, --version          version for dbtok

                Use "dbtok [command] --help" for more information about a command.
                """);
    }

    @Test
    void should_accept_help_before_the_subcommand() {
        assertThat(Dbtok.inHome(home).run("--help", "tokens")).succeeded();
    }
}
