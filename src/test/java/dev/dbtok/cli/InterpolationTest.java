package dev.dbtok.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtok.output.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** dbtok turns picocli's variable interpolation off ({@link Cli}): no text may need it. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InterpolationTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-dbtok-home");

    @Test
    void should_find_no_variable_nor_format_specifier_in_any_text() {
        CommandLine root = Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> texts = new ArrayList<>();
        collect(root, texts);

        List<String> offenders = new ArrayList<>();
        for (String text : texts) {
            if (text != null && (text.contains("${") || text.contains("%"))) {
                offenders.add(text);
            }
        }

        assertFalse(texts.size() < 100, "too few texts seen: " + texts.size());
        assertEquals(List.of(), offenders);
    }

    @Test
    void should_be_off_in_every_command() {
        CommandLine root = Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new String[] {"tokens", "list"});

        assertFalse(root.isInterpolateVariables());
        assertFalse(root.getSubcommands().get("tokens").getSubcommands().get("list").isInterpolateVariables());
    }

    private static void collect(CommandLine commandLine, List<String> texts) {
        CommandSpec spec = commandLine.getCommandSpec();
        texts.add(spec.name());
        texts.addAll(List.of(spec.aliases()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().customSynopsis()));
        texts.addAll(List.of(spec.version()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
            texts.add(arg.paramLabel());
            texts.add(arg.defaultValue());
            if (arg.isOption()) {
                texts.addAll(List.of(((CommandLine.Model.OptionSpec) arg).names()));
                texts.add(((CommandLine.Model.OptionSpec) arg).fallbackValue());
            }
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            collect(sub, texts);
        }
    }

    private static Services services() {
        return new Services(ENV, new Terminal(false, false, false, ENV), new ByteArrayInputStream(new byte[0]),
                (config, log) -> {
                    throw new AssertionError("no command here reaches a workspace");
                });
    }
}
