package dev.dbtok.cli.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Writes the {@link CommandCatalog} at build time: every command reachable from the root through {@link Subcommands},
 * and their mixins, as picocli reads them from their annotations. Annotation attributes the catalog does not carry
 * fail the build, rather than being lost at run time.
 *
 * <p>Usage: {@code java -cp <classes and dependencies> dev.dbtok.cli.model.CatalogWriter <output file> <root class>}
 */
public final class CatalogWriter {
    private static final Set<String> COMMAND_ATTRIBUTES =
            Set.of("name", "aliases", "header", "description", "customSynopsis", "versionProvider", "modelTransformer",
                    "hidden");
    private static final Set<String> ARG_ATTRIBUTES = Set.of("names", "index", "paramLabel", "description", "hidden",
            "scope", "converter", "preprocessor", "usageHelp", "versionHelp", "help", "arity", "required",
            "hideParamSyntax", "descriptionKey", "split", "splitSynopsisLabel", "defaultValue", "showDefaultValue",
            "interactive", "echo", "prompt", "negatable", "fallbackValue", "mapFallbackValue", "order", "type");
    private static final List<Class<? extends Annotation>> UNSUPPORTED =
            List.of(ArgGroup.class, Unmatched.class, ParentCommand.class);

    private final Map<String, CommandModel> models = new LinkedHashMap<>();

    private CatalogWriter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CatalogWriter <output file> <root command class>");
        }
        Path out = Path.of(args[0]);
        byte[] catalog = write(Class.forName(args[1]));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), "commands", ".tmp");
        Files.write(temp, catalog);
        Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The catalog of {@code root} and every command below it. */
    static byte[] write(Class<?> root) throws Exception {
        CatalogWriter writer = new CatalogWriter();
        writer.command(root);
        // The models, then an index of where each starts: a run decodes only the few it builds.
        ByteArrayOutputStream models = new ByteArrayOutputStream();
        Map<String, Integer> offsets = new LinkedHashMap<>();
        try (DataOutputStream out = new DataOutputStream(models)) {
            for (CommandModel model : writer.models.values()) {
                offsets.put(model.className, out.size());
                model.write(out);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(CommandCatalog.MAGIC);
            out.writeInt(CommandCatalog.FORMAT);
            out.writeInt(offsets.size());
            for (Map.Entry<String, Integer> entry : offsets.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue());
            }
            models.writeTo(out);
        }
        return bytes.toByteArray();
    }

    private void command(Class<?> type) throws Exception {
        if (models.containsKey(type.getName())) {
            return;
        }
        Object command = FACTORY.create(type);
        CommandSpec spec = CommandSpec.forAnnotatedObject(command, FACTORY);
        models.put(type.getName(), model(type, spec));
        Subcommands subcommands = type.getAnnotation(Subcommands.class);
        if (subcommands != null) {
            for (Class<?> sub : subcommands.value()) {
                command(sub);
            }
        }
    }

    private CommandModel model(Class<?> type, CommandSpec spec) throws Exception {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        Command command = null;
        List<CommandModel.Member> members = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            Command annotation = c.getAnnotation(Command.class);
            if (annotation != null) {
                if (command != null) {
                    throw unsupported(c, "a second @Command in the class hierarchy of " + type.getName());
                }
                onlyAttributes(annotation, COMMAND_ATTRIBUTES, c.getName());
                command = annotation;
            }
            for (Method method : c.getDeclaredMethods()) {
                for (Annotation a : method.getAnnotations()) {
                    if (a.annotationType().getName().startsWith("picocli.")) {
                        throw unsupported(c, "picocli annotation on method " + method.getName());
                    }
                }
            }
            for (Field field : c.getDeclaredFields()) {
                CommandModel.Member member = member(field, spec);
                if (member != null) {
                    members.add(member);
                }
            }
        }
        String[] subcommands = new String[0];
        Subcommands subs = type.getAnnotation(Subcommands.class);
        if (subs != null) {
            subcommands = new String[subs.value().length];
            for (int i = 0; i < subcommands.length; i++) {
                subcommands[i] = subs.value()[i].getName();
            }
        }
        if (command == null) {
            // A mixin: only its fields count.
            return new CommandModel(type.getName(), CommandModel.fieldsOf(type), null, null, null, null, null, false,
                    null, null, subcommands, members);
        }
        return new CommandModel(type.getName(), CommandModel.fieldsOf(type), spec.name(), spec.aliases(),
                spec.usageMessage().header(), spec.usageMessage().description(), spec.usageMessage().customSynopsis(),
                spec.usageMessage().hidden(),
                spec.versionProvider() == null ? null : spec.versionProvider().getClass().getName(),
                spec.modelTransformer() == null ? null : spec.modelTransformer().getClass().getName(), subcommands,
                members);
    }

    private CommandModel.Member member(Field field, CommandSpec spec) throws Exception {
        String where = field.getDeclaringClass().getName() + "." + field.getName();
        for (Class<? extends Annotation> annotation : UNSUPPORTED) {
            if (field.isAnnotationPresent(annotation)) {
                throw unsupported(field.getDeclaringClass(), "@" + annotation.getSimpleName() + " on " + where);
            }
        }
        Option option = field.getAnnotation(Option.class);
        Parameters parameters = field.getAnnotation(Parameters.class);
        if (option != null || parameters != null) {
            Annotation annotation = option != null ? option : parameters;
            onlyAttributes(annotation, ARG_ATTRIBUTES, where);
            ArgSpec arg = argOf(field, spec);
            picocli.CommandLine.Range index = arg.isOption() ? null : ((picocli.CommandLine.Model.PositionalParamSpec) arg).index();
            if (index != null && !arg.isMultiValue() && (index.isVariable() || index.min() != index.max())) {
                // picocli's builder derives the capacity of such a positional otherwise than its annotation reading.
                throw unsupported(field.getDeclaringClass(), "a single-value @Parameters over several indexes on " + where);
            }
            return new CommandModel.Member(CommandModel.OPTION, field.getDeclaringClass().getName(), field.getName(),
                    ArgModel.of(arg, field), null, null, null);
        }
        Mixin mixin = field.getAnnotation(Mixin.class);
        if (mixin != null) {
            onlyAttributes(mixin, Set.of("name"), where);
            String name = mixin.name().isEmpty() ? field.getName() : mixin.name();
            CommandSpec mixinSpec = spec.mixins().get(name);
            Class<?> mixinType = mixinSpec.userObject().getClass();
            if (!models.containsKey(mixinType.getName())) {
                models.put(mixinType.getName(), model(mixinType, mixinSpec));
            }
            return new CommandModel.Member(CommandModel.MIXIN, field.getDeclaringClass().getName(), field.getName(), null,
                    name, mixinType.getName(), mixinSpec.toString());
        }
        Spec injected = field.getAnnotation(Spec.class);
        if (injected != null) {
            if (injected.value() != Spec.Target.SELF) {
                throw unsupported(field.getDeclaringClass(), "@Spec(" + injected.value() + ") on " + where);
            }
            return new CommandModel.Member(CommandModel.SPEC, field.getDeclaringClass().getName(), field.getName(), null,
                    null, null, null);
        }
        return null;
    }

    private static ArgSpec argOf(Field field, CommandSpec spec) {
        for (ArgSpec arg : spec.args()) {
            if (field.equals(arg.userObject())) {
                return arg;
            }
        }
        throw new IllegalStateException("picocli has no option or positional for " + field);
    }

    /** Fails on any attribute of {@code annotation} outside {@code allowed} that is not at its default. */
    private static void onlyAttributes(Annotation annotation, Set<String> allowed, String where) throws Exception {
        for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
            Object value = attribute.invoke(annotation);
            Object fallback = attribute.getDefaultValue();
            if (!allowed.contains(attribute.getName()) && !Objects.deepEquals(value, fallback)) {
                throw new IllegalStateException("the command catalog does not carry @"
                        + annotation.annotationType().getSimpleName() + "(" + attribute.getName() + ") on " + where);
            }
            if (value instanceof String text && text.contains("${")
                    || value instanceof String[] texts && String.join("", texts).contains("${")) {
                // The writer's picocli would expand it at build time; dbtok runs with interpolation off.
                throw new IllegalStateException("the command catalog does not carry ${...} in @"
                        + annotation.annotationType().getSimpleName() + "(" + attribute.getName() + ") on " + where);
            }
            if (CommandLine.Option.NULL_VALUE.equals(value)) {
                throw new IllegalStateException("the command catalog does not carry NULL_VALUE in @"
                        + annotation.annotationType().getSimpleName() + "(" + attribute.getName() + ") on " + where);
            }
        }
    }

    private static IllegalStateException unsupported(Class<?> type, String what) {
        return new IllegalStateException("the command catalog does not support " + what + " (" + type.getName() + ")");
    }

    /**
     * Makes commands with their no-argument constructor, or else with {@code null}s: their services are not used to
     * read their models (here and in the tests).
     */
    static final IFactory FACTORY = new IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?>[] constructors = type.getDeclaredConstructors();
            for (Constructor<?> constructor : constructors) {
                if (constructor.getParameterCount() == 0) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
            if (constructors.length == 0) {
                return CommandLine.defaultFactory().create(type);
            }
            constructors[0].setAccessible(true);
            return type.cast(constructors[0].newInstance(new Object[constructors[0].getParameterCount()]));
        }
    };

    /** For tests: the catalog {@link #write} makes, read back. */
    static CommandCatalog catalogOf(Class<?> root) throws Exception {
        return CommandCatalog.read(write(root));
    }
}
