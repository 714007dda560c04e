package dev.dbtok.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.cli.model.CommandInfo;
import dev.dbtok.output.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandTreeTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-dbtok-home");

    @Nested
    class What_is_built {
        @Test
        void should_build_only_the_named_group_and_leaf() {
            CommandLine root = commandLine(new String[] {"tokens", "list", "-o", "json"});

            assertTrue(isBuilt(root, "tokens"));
            assertTrue(isBuilt(root, "tokens", "list"));
            assertFalse(isBuilt(root, "tokens", "create"));
            assertFalse(isBuilt(root, "token-management"));
            assertFalse(isBuilt(root, "auth"));
        }

        @Test
        void should_build_a_command_named_after_a_flag_value_too() {
            CommandLine root = commandLine(new String[] {"-p", "auth", "tokens", "list"});

            assertTrue(isBuilt(root, "auth"));
        }

        @Test
        void should_not_build_commands_named_after_the_double_dash() {
            CommandLine root = commandLine(new String[] {"tokens", "--", "list"});

            assertTrue(isBuilt(root, "tokens"));
            assertFalse(isBuilt(root, "tokens", "list"));
        }

        @Test
        void should_keep_every_command_in_the_lists() {
            CommandLine lazy = commandLine(new String[] {"--help"});
            CommandLine whole = Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

            assertEquals(HelpLayout.usage(whole.getCommandSpec()), HelpLayout.usage(lazy.getCommandSpec()));
            assertEquals(HelpLayout.usage(whole.getSubcommands().get("tokens").getCommandSpec()),
                    HelpLayout.usage(commandLine(new String[] {"tokens", "list"}).getSubcommands().get("tokens").getCommandSpec()));
            assertFalse(isBuilt(lazy, "tokens"));
            assertTrue(isBuilt(whole, "tokens", "list"));
        }
    }

    @Nested
    class Output {
        /** Each command line must print the same bytes whether the whole tree is built or only what it reaches. */
        @ParameterizedTest
        @ValueSource(strings = {
            "--help", "", "tokens", "tokens --help", "tokens list --help", "token-management --help",
            "nosuch", "tokens nosuch", "tokens list --nosuch", "--nosuch tokens list", "-o", "--output tokens list",
            "emulator --help", "auth", "workspace-conf get-status --help", "--version", "tokens -- list",
            "tokens --help list", "-o bogus tokens list", "-p tokens", "tokens list --limit x", "-p tokens list --nosuch",
            "token-management --version list", "tokens create --help", "auth profiles --help", "tokens list --help --version"})
        void should_print_what_the_whole_tree_prints(String line) {
            String[] args = line.isEmpty() ? new String[0] : line.split(" ");

            List<String> lazy = run(commandLine(args), args);
            List<String> whole = run(Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), args);

            assertEquals(whole, lazy);
            assertFalse((lazy.get(1) + lazy.get(2)).isEmpty());
        }
    }

    private static List<String> run(CommandLine commandLine, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return List.of(String.valueOf(code), out.toString(), err.toString());
    }

    @Nested
    class Placeholders {
        @Test
        void should_leave_out_the_siblings_of_a_built_subcommand() {
            CommandLine root = commandLine(new String[] {"tokens", "list"});

            assertEquals(List.of("tokens"), List.copyOf(root.getSubcommands().keySet()));
            assertEquals(List.of("list"), List.copyOf(root.getSubcommands().get("tokens").getSubcommands().keySet()));
        }

        @Test
        void should_stand_one_for_a_group_without_a_built_subcommand() {
            CommandLine tokens = commandLine(new String[] {"tokens"}).getSubcommands().get("tokens");

            assertEquals(List.of("create"), List.copyOf(tokens.getSubcommands().keySet()));
            assertTrue(CommandTree.isPlaceholder(tokens.getSubcommands().get("create")));
        }

        @Test
        void should_list_commands_in_declaration_order() {
            CommandLine tokens = commandLine(new String[] {"tokens", "list"}).getSubcommands().get("tokens");

            List<String> names = new ArrayList<>();
            for (CommandInfo command : CommandTree.listed(tokens.getCommandSpec())) {
                names.add(command.name());
            }

            assertEquals(List.of("create", "delete", "list", "update"), names);
            assertEquals(List.of(), CommandTree.listed(tokens.getSubcommands().get("list").getCommandSpec()));
        }
    }

    /** Whether the command at {@code path} was built for real (not a placeholder, nor left out until listed). */
    private static boolean isBuilt(CommandLine root, String... path) {
        CommandLine command = root;
        for (String name : path) {
            command = command.getSubcommands().get(name);
            if (command == null) {
                return false;
            }
        }
        return !CommandTree.isPlaceholder(command);
    }

    private static CommandLine commandLine(String[] args) {
        return Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private static Services services() {
        return new Services(ENV, new Terminal(false, false, false, ENV), new ByteArrayInputStream(new byte[0]),
                (config, log) -> {
                    throw new AssertionError("no command here reaches a workspace");
                });
    }
}
