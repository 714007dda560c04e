package dev.dbtok.cli.auth;

import static dev.dbtok.support.CliRunAssert.assertThat;

import dev.dbtok.support.Dbtok;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthHelpTest {
    static final String GLOBAL_FLAGS = """
            Global Flags:
                  --debug            enable debug logging
              -o, --output type      output type: text or json (default text)
              -p, --profile string   ~/.databrickscfg profile
              -t, --target string    bundle target to use (if applicable)
            """;

    @TempDir
    Path home;

    @Test
    void should_print_the_auth_group_help_for_a_bare_group() {
        assertThat(Dbtok.inHome(home).run("auth")).succeeded().errIsEmpty().outEquals("""
                Authentication related commands: see which profiles exist and whether they work,
                and which host, identity and credentials a command will use.

                How Databricks authentication works: https://docs.databricks.com/dev-tools/auth/index.html

                Usage:
                  dbtok auth [flags]
                  dbtok auth [command]

                Available Commands:
                  describe    Describes the credentials and the source of those credentials, being used by dbtok to authenticate
                  profiles    Lists profiles from ~/.databrickscfg

                Flags:
                  -h, --help   help for auth

                """ + GLOBAL_FLAGS + """

                Use "dbtok auth [command] --help" for more information about a command.
                """);
    }

    @Test
    void should_print_the_profiles_flags() {
        assertThat(Dbtok.inHome(home).run("auth", "profiles", "--help")).succeeded().outEquals("""
                Lists profiles from ~/.databrickscfg

                Usage:
                  dbtok auth profiles [flags]

                Flags:
                  -h, --help            help for profiles
                      --skip-validate   Whether to skip validating the profiles

                """ + GLOBAL_FLAGS);
    }

    @Test
    void should_list_configure_without_its_hidden_token_flag() {
        assertThat(Dbtok.inHome(home).run("configure", "--help")).succeeded()
                .outContains("\nUsage:\n  dbtok configure [flags]\n\nFlags:\n  -h, --help          help for configure\n"
                        + "      --host string   Databricks workspace host.\n\n" + GLOBAL_FLAGS);
    }

    @Test
    void should_list_auth_and_configure_among_the_root_commands() {
        assertThat(Dbtok.inHome(home).run("--help")).succeeded()
                .outContains("\n  auth             Authentication related commands\n  configure        Configure authentication\n");
    }

    @Test
    void should_report_an_unknown_auth_command() {
        assertThat(Dbtok.inHome(home).run("auth", "login")).failedWith(1)
                .errStartsWith("Error: unknown command \"login\" for \"dbtok auth\"\n\nUsage:\n  dbtok auth [flags]\n");
    }
}
