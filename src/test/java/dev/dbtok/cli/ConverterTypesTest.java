package dev.dbtok.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtok.output.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** dbtok switches off picocli's converters for java.time, java.sql and java.nio.file types ({@link Cli}): no flag may need one. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConverterTypesTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/nonexistent-dbtok-home");
    /** The types picocli converts with the converters it registers by reflection. */
    private static final Pattern REFLECTIVE = Pattern.compile("java\\.(time|sql|nio\\.file)\\..*");

    @Test
    void should_give_no_flag_nor_argument_a_type_whose_converter_is_off() {
        CommandLine root = Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> offenders = new ArrayList<>();
        collect(root, REFLECTIVE, offenders);

        assertEquals(List.of(), offenders);
    }

    @Test
    void should_switch_the_converters_off_once_the_command_line_is_built() {
        Cli.newCommandLine(services(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), new String[0]);

        assertEquals(Cli.EXCLUDE_ALL, System.getProperty(Cli.CONVERTER_EXCLUDES));
    }

    private static void collect(CommandLine commandLine, Pattern off, List<String> offenders) {
        for (ArgSpec arg : commandLine.getCommandSpec().args()) {
            if (arg.converters().length > 0) {
                continue;
            }
            List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
            types.add(arg.type());
            for (Class<?> type : types) {
                if (off.matcher(type.getName()).matches()) {
                    offenders.add(commandLine.getCommandSpec().qualifiedName(" ") + " " + arg + ": " + type.getName());
                }
            }
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            collect(sub, off, offenders);
        }
    }

    private static Services services() {
        return new Services(ENV, new Terminal(false, false, false, ENV), new ByteArrayInputStream(new byte[0]),
                (config, log) -> {
                    throw new AssertionError("no command here reaches a workspace");
                });
    }
}
