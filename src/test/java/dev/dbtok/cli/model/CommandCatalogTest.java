package dev.dbtok.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.cli.DbtokCommand;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;

/**
 * The catalog builds every command as picocli builds it from the annotations: each attribute of each command, option,
 * positional and mixin is compared, for every command reachable from the root.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandCatalogTest {
    /** Every command class, from the root down, in the order of the command lists. */
    static Stream<Class<?>> commands() {
        Set<Class<?>> all = new LinkedHashSet<>();
        collect(DbtokCommand.class, all);
        return all.stream();
    }

    private static void collect(Class<?> type, Set<Class<?>> all) {
        all.add(type);
        Subcommands subs = type.getAnnotation(Subcommands.class);
        if (subs != null) {
            for (Class<?> sub : subs.value()) {
                collect(sub, all);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void the_catalog_of_the_build_holds_every_command(Class<?> command) {
        assertTrue(CommandCatalog.shared().holds(command), command.getName());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void should_build_each_command_as_the_annotations_do(Class<?> command) throws Exception {
        CommandCatalog catalog = CatalogWriter.catalogOf(DbtokCommand.class);
        Object fromCatalog = FACTORY.create(command);
        Object fromAnnotations = FACTORY.create(command);

        CommandSpec built = catalog.spec(fromCatalog, FACTORY);
        CommandSpec read = CommandSpec.forAnnotatedObject(fromAnnotations, FACTORY);

        assertTrue(catalog.holds(command));
        assertSameCommand(read, built);
        CommandInfo info = catalog.info(command);
        Command annotation = command.getAnnotation(Command.class);
        assertEquals(annotation.name(), info.name());
        assertEquals(List.of(annotation.aliases()), List.of(info.aliases()));
        assertEquals(List.of(annotation.header()), List.of(info.header()));
        assertEquals(annotation.hidden(), info.hidden());
        assertEquals(new AnnotatedCommandInfo(command).subcommands(), info.subcommands());
    }

    @ParameterizedTest
    @MethodSource("commands")
    void should_inject_the_spec_and_bind_the_fields_of_the_command_object(Class<?> command) throws Exception {
        CommandCatalog catalog = CatalogWriter.catalogOf(DbtokCommand.class);
        Object object = FACTORY.create(command);
        CommandSpec spec = catalog.spec(object, FACTORY);

        assertSame(object, spec.userObject());
        for (Class<?> c = command; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(CommandLine.Spec.class)) {
                    field.setAccessible(true);
                    assertSame(spec, field.get(object), field.toString());
                }
            }
        }
        for (ArgSpec arg : spec.args()) {
            Field field = (Field) arg.userObject();
            field.setAccessible(true);
            Object target = arg.scope().get();
            assertSame(field.get(target), arg.getValue(), arg.toString());
        }
    }

    @Test
    void should_parse_into_the_command_object_it_was_built_for() throws Exception {
        CommandCatalog catalog = CatalogWriter.catalogOf(DbtokCommand.class);
        Class<?> list = Class.forName("dev.dbtok.cli.tokens.ListTokensCommand");
        Object command = FACTORY.create(list);
        CommandLine commandLine = new CommandLine(catalog.spec(command, FACTORY), FACTORY);

        commandLine.parseArgs("--limit", "7", "extra");

        Field limit = list.getDeclaredField("limit");
        limit.setAccessible(true);
        assertEquals(7L, limit.get(command));
        Field args = list.getSuperclass().getDeclaredField("args");
        args.setAccessible(true);
        assertEquals(List.of("extra"), args.get(command));
    }

    @Test
    void should_read_a_class_whose_fields_changed_from_its_annotations() throws Exception {
        CommandModel stale = new CommandModel(Sample.class.getName(), 42, "sample", new String[0],
                new String[0], new String[0], new String[0], false, null, null, new String[0], List.of());
        CommandCatalog catalog = CommandCatalog.of(Map.of(Sample.class.getName(), stale));

        assertFalse(catalog.holds(Sample.class));
        CommandSpec spec = catalog.spec(new Sample(), FACTORY);

        assertNotNull(spec.findOption("--flag"));
        assertEquals("Sample.", catalog.info(Sample.class).header()[0]);
    }

    @Test
    void should_be_empty_without_a_catalog_resource() {
        CommandCatalog catalog = CommandCatalog.load("", new ClassLoader(null) {
        });

        assertFalse(catalog.holds(DbtokCommand.class));
        assertNotNull(catalog.spec(new Sample(), FACTORY).findOption("--flag"));
    }

    @Test
    void should_read_the_catalog_from_a_jar_or_a_directory_of_the_class_path(@TempDir Path dir) throws Exception {
        byte[] written = CatalogWriter.write(DbtokCommand.class);
        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/dbtok")).getParent().getParent();
        Files.write(classes.resolve(CommandCatalog.RESOURCE), written);
        Path jar = dir.resolve("dbtok.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(CommandCatalog.RESOURCE));
            out.write(written);
        }
        ClassLoader none = new ClassLoader(null) {
        };

        assertTrue(CommandCatalog.load(dir.resolve("missing") + File.pathSeparator + classes, none).holds(DbtokCommand.class));
        assertTrue(CommandCatalog.load(jar.toString(), none).holds(DbtokCommand.class));
        assertFalse(CommandCatalog.load(dir.resolve("missing.jar").toString(), none).holds(DbtokCommand.class));
    }

    @Test
    void should_ignore_a_broken_catalog(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("META-INF/dbtok")).getParent().getParent();
        Files.write(classes.resolve(CommandCatalog.RESOURCE), new byte[] {1, 2, 3});

        CommandCatalog catalog = CommandCatalog.load(classes.toString(), new ClassLoader(null) {
        });

        assertFalse(catalog.holds(DbtokCommand.class));
        assertNotNull(catalog.spec(new Sample(), FACTORY).findOption("--flag"));
    }

    @Test
    void the_catalog_of_the_build_is_the_one_the_annotations_give_now() throws Exception {
        byte[] fresh = CatalogWriter.write(DbtokCommand.class);
        byte[] built = CatalogFile.read(System.getProperty("java.class.path", ""), getClass().getClassLoader(),
                CommandCatalog.RESOURCE);

        // Stale after compiling without the build's process-classes step: run ./mvnw process-classes.
        assertTrue(java.util.Arrays.equals(fresh, built), "target/classes holds a stale " + CommandCatalog.RESOURCE);
    }

    @Test
    void should_read_a_command_whose_entry_is_broken_from_its_annotations(@TempDir Path dir) throws Exception {
        byte[] written = CatalogWriter.write(DbtokCommand.class);
        Path classes = Files.createDirectories(dir.resolve("META-INF/dbtok")).getParent().getParent();
        Files.write(classes.resolve(CommandCatalog.RESOURCE), java.util.Arrays.copyOf(written, written.length * 3 / 5));
        CommandCatalog catalog = CommandCatalog.load(classes.toString(), new ClassLoader(null) {
        });

        for (Class<?> command : commands().toList()) {
            Object object = FACTORY.create(command);
            assertSameCommand(CommandSpec.forAnnotatedObject(FACTORY.create(command), FACTORY), catalog.spec(object, FACTORY));
            assertEquals(new AnnotatedCommandInfo(command).subcommands(), catalog.info(command).subcommands());
        }
    }

    @Test
    void should_read_a_command_the_catalog_cannot_build_from_its_annotations() throws Exception {
        ArgModel option = CatalogWriter.catalogOf(Sample.class).model(Sample.class).args().get(0);
        CommandModel unbuildable = new CommandModel(Sample.class.getName(), CommandModel.fieldsOf(Sample.class), "sample",
                new String[0], new String[0], new String[0], new String[0], false, "dev.dbtok.NoSuchVersionProvider", null,
                new String[0], List.of(new CommandModel.Member(CommandModel.OPTION, Sample.class.getName(), "flag", option,
                        null, null, null)));
        CommandCatalog catalog = CommandCatalog.of(Map.of(Sample.class.getName(), unbuildable));

        CommandSpec spec = catalog.spec(new Sample(), FACTORY);

        assertNotNull(spec.findOption("--flag"));
        assertEquals(null, spec.versionProvider());
    }

    @Test
    void should_refuse_interpolated_texts() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogWriter.write(WithVariable.class));

        assertTrue(e.getMessage().startsWith("the command catalog does not carry ${...} in @Option(description)"),
                e.getMessage());
    }

    @Test
    void should_refuse_annotation_attributes_it_does_not_carry() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogWriter.write(WithHelpMixin.class));

        assertEquals("the command catalog does not carry @Command(mixinStandardHelpOptions) on " + WithHelpMixin.class.getName(),
                e.getMessage());
    }

    @Test
    void should_refuse_annotations_it_does_not_support() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogWriter.write(WithGroup.class));

        assertTrue(e.getMessage().startsWith("the command catalog does not support @ArgGroup on "), e.getMessage());
    }

    @Test
    void should_refuse_option_attributes_it_does_not_carry() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CatalogWriter.write(WithCompletion.class));

        assertTrue(e.getMessage().startsWith("the command catalog does not carry @Option(completionCandidates)"), e.getMessage());
    }

    @Command(name = "sample", header = "Sample.")
    static final class Sample {
        @Option(names = "--flag")
        boolean flag;
    }

    @Command(name = "interpolating")
    static final class WithVariable {
        @Option(names = "--x", description = "in ${sys:user.home}")
        String x;
    }

    @Command(name = "helpful", mixinStandardHelpOptions = true)
    static final class WithHelpMixin {
    }

    @Command(name = "grouped")
    static final class WithGroup {
        @ArgGroup
        Group group;

        static final class Group {
            @Option(names = "--a")
            String a;
        }
    }

    @Command(name = "completing")
    static final class WithCompletion {
        @Option(names = "--x", completionCandidates = Candidates.class)
        String x;

        static final class Candidates extends ArrayList<String> {
        }
    }

    private static void assertSameCommand(CommandSpec expected, CommandSpec actual) {
        String what = expected.name();
        assertEquals(expected.name(), actual.name(), what);
        assertEquals(List.of(expected.aliases()), List.of(actual.aliases()), what);
        assertUsage(expected.usageMessage(), actual.usageMessage(), what);
        assertEquals(classOf(expected.versionProvider()), classOf(actual.versionProvider()), what);
        assertEquals(classOf(expected.modelTransformer()), classOf(actual.modelTransformer()), what);
        assertEquals(classOf(expected.preprocessor()), classOf(actual.preprocessor()), what);
        assertEquals(expected.scopeType(), actual.scopeType(), what);
        assertEquals(expected.exitCodeOnSuccess(), actual.exitCodeOnSuccess(), what);
        assertEquals(expected.exitCodeOnInvalidInput(), actual.exitCodeOnInvalidInput(), what);
        assertEquals(expected.helpCommand(), actual.helpCommand(), what);
        assertEquals(expected.parser().separator(), actual.parser().separator(), what);
        assertEquals(expected.mixins().keySet(), actual.mixins().keySet(), what);
        for (String mixin : expected.mixins().keySet()) {
            assertEquals(expected.mixins().get(mixin).toString(), actual.mixins().get(mixin).toString(), what);
            assertArgs(expected.mixins().get(mixin).args(), actual.mixins().get(mixin).args());
        }
        assertEquals(expected.subcommands().keySet(), actual.subcommands().keySet(), what);
        assertArgs(expected.args(), actual.args());
        assertEquals(expected.options().size(), actual.options().size(), what);
        assertEquals(expected.positionalParameters().size(), actual.positionalParameters().size(), what);
    }

    private static void assertUsage(UsageMessageSpec expected, UsageMessageSpec actual, String what) {
        assertEquals(List.of(expected.header()), List.of(actual.header()), what);
        assertEquals(List.of(expected.description()), List.of(actual.description()), what);
        assertEquals(List.of(expected.customSynopsis()), List.of(actual.customSynopsis()), what);
        assertEquals(List.of(expected.footer()), List.of(actual.footer()), what);
        assertEquals(expected.hidden(), actual.hidden(), what);
        assertEquals(expected.synopsisHeading(), actual.synopsisHeading(), what);
        assertEquals(expected.abbreviateSynopsis(), actual.abbreviateSynopsis(), what);
        assertEquals(expected.sortOptions(), actual.sortOptions(), what);
        assertEquals(expected.showDefaultValues(), actual.showDefaultValues(), what);
        assertEquals(expected.width(), actual.width(), what);
    }

    private static void assertArgs(List<ArgSpec> expected, List<ArgSpec> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArg(expected.get(i), actual.get(i));
        }
    }

    private static void assertArg(ArgSpec e, ArgSpec a) {
        String what = e.toString();
        assertEquals(e.toString(), a.toString());
        assertEquals(e.isOption(), a.isOption(), what);
        assertEquals(e.userObject(), a.userObject(), what);
        assertEquals(e.arity(), a.arity(), what);
        assertEquals(e.arity().originalValue(), a.arity().originalValue(), what);
        assertEquals(e.arity().isUnspecified(), a.arity().isUnspecified(), what);
        assertEquals(e.paramLabel(), a.paramLabel(), what);
        assertEquals(e.hideParamSyntax(), a.hideParamSyntax(), what);
        assertEquals(List.of(e.description()), List.of(a.description()), what);
        assertEquals(e.descriptionKey(), a.descriptionKey(), what);
        assertEquals(e.hidden(), a.hidden(), what);
        assertEquals(e.type(), a.type(), what);
        assertEquals(List.of(e.auxiliaryTypes()), List.of(a.auxiliaryTypes()), what);
        assertEquals(classes(e.converters()), classes(a.converters()), what);
        assertEquals(e.splitRegex(), a.splitRegex(), what);
        assertEquals(e.splitRegexSynopsisLabel(), a.splitRegexSynopsisLabel(), what);
        assertEquals(e.showDefaultValue(), a.showDefaultValue(), what);
        assertEquals(e.defaultValue(), a.defaultValue(), what);
        assertEquals(e.mapFallbackValue(), a.mapFallbackValue(), what);
        assertEquals(e.hasInitialValue(), a.hasInitialValue(), what);
        assertEquals(String.valueOf(e.initialValue()), String.valueOf(a.initialValue()), what);
        assertEquals(e.required(), a.required(), what);
        assertEquals(e.originallyRequired(), a.originallyRequired(), what);
        assertEquals(e.interactive(), a.interactive(), what);
        assertEquals(e.echo(), a.echo(), what);
        assertEquals(e.prompt(), a.prompt(), what);
        assertEquals(e.scopeType(), a.scopeType(), what);
        assertEquals(e.inherited(), a.inherited(), what);
        assertEquals(e.root() == e, a.root() == a, what);
        assertEquals(classOf(e.preprocessor()), classOf(a.preprocessor()), what);
        assertEquals(classOf(e.parameterConsumer()), classOf(a.parameterConsumer()), what);
        assertEquals(list(e.completionCandidates()), list(a.completionCandidates()), what);
        assertTypeInfo(e.typeInfo(), a.typeInfo(), what);
        if (e.isOption()) {
            OptionSpec eo = (OptionSpec) e;
            OptionSpec ao = (OptionSpec) a;
            assertEquals(List.of(eo.names()), List.of(ao.names()), what);
            assertEquals(eo.help(), ao.help(), what);
            assertEquals(eo.usageHelp(), ao.usageHelp(), what);
            assertEquals(eo.versionHelp(), ao.versionHelp(), what);
            assertEquals(eo.negatable(), ao.negatable(), what);
            assertEquals(eo.fallbackValue(), ao.fallbackValue(), what);
            assertEquals(eo.order(), ao.order(), what);
        } else {
            PositionalParamSpec ep = (PositionalParamSpec) e;
            PositionalParamSpec ap = (PositionalParamSpec) a;
            assertEquals(ep.index(), ap.index(), what);
            assertEquals(ep.index().originalValue(), ap.index().originalValue(), what);
            assertEquals(capacity(ep), capacity(ap), what);
        }
    }

    /** How many values the parser lets the positional take: private in picocli, and derived differently by its builder. */
    private static Object capacity(PositionalParamSpec positional) {
        try {
            Field capacity = PositionalParamSpec.class.getDeclaredField("capacity");
            capacity.setAccessible(true);
            return capacity.get(positional);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertTypeInfo(ITypeInfo e, ITypeInfo a, String what) {
        assertEquals(e.isBoolean(), a.isBoolean(), what);
        assertEquals(e.isMultiValue(), a.isMultiValue(), what);
        assertEquals(e.isArray(), a.isArray(), what);
        assertEquals(e.isCollection(), a.isCollection(), what);
        assertEquals(e.isMap(), a.isMap(), what);
        assertEquals(e.isEnum(), a.isEnum(), what);
        assertEquals(e.isOptional(), a.isOptional(), what);
        assertEquals(e.getClassName(), a.getClassName(), what);
        assertEquals(e.getClassSimpleName(), a.getClassSimpleName(), what);
        assertEquals(e.getEnumConstantNames(), a.getEnumConstantNames(), what);
        assertEquals(List.of(e.getAuxiliaryTypes()), List.of(a.getAuxiliaryTypes()), what);
    }

    private static List<String> classes(ITypeConverter<?>[] converters) {
        List<String> names = new ArrayList<>();
        for (ITypeConverter<?> c : converters) {
            names.add(c.getClass().getName());
        }
        return names;
    }

    private static String classOf(Object o) {
        return o == null ? null : o.getClass().getName();
    }

    private static List<String> list(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        if (values != null) {
            values.forEach(list::add);
        }
        return list;
    }

    /** Builds commands as the catalog writer does: services are not needed to compare models. */
    private static final IFactory FACTORY = CatalogWriter.FACTORY;
}
