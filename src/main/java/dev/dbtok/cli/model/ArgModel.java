package dev.dbtok.cli.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Field;
import picocli.CommandLine.Help;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;

/**
 * One {@code @Option} or {@code @Parameters} field as picocli's annotation reading made it: every attribute of the
 * built {@link ArgSpec}, so that {@link #build} makes the same spec with picocli's builder, without reading the
 * annotation at run time.
 */
final class ArgModel {
    private static final String NO_PREPROCESSOR = "picocli.CommandLine$NoOpParameterPreprocessor";

    final boolean option;
    final String declaringClass;
    final String field;
    private final String toString;
    private final String[] names;
    private final String index;
    private final String arity;
    private final boolean arityUnspecified;
    private final String type;
    private final String[] auxiliaryTypes;
    private final String paramLabel;
    private final boolean hideParamSyntax;
    private final String[] description;
    private final String descriptionKey;
    private final boolean required;
    private final boolean interactive;
    private final boolean echo;
    private final String prompt;
    private final String splitRegex;
    private final String splitRegexSynopsisLabel;
    private final boolean hidden;
    private final String defaultValue;
    private final String mapFallbackValue;
    private final String showDefaultValue;
    private final String scopeType;
    private final String[] converters;
    private final String preprocessor;
    private final boolean help;
    private final boolean usageHelp;
    private final boolean versionHelp;
    private final boolean negatable;
    private final String fallbackValue;
    private final int order;

    private ArgModel(boolean option, String declaringClass, String field, String toString, String[] names, String index,
                     String arity, boolean arityUnspecified, String type, String[] auxiliaryTypes, String paramLabel,
                     boolean hideParamSyntax, String[] description, String descriptionKey, boolean required,
                     boolean interactive, boolean echo, String prompt, String splitRegex, String splitRegexSynopsisLabel,
                     boolean hidden, String defaultValue, String mapFallbackValue, String showDefaultValue,
                     String scopeType, String[] converters, String preprocessor, boolean help, boolean usageHelp,
                     boolean versionHelp, boolean negatable, String fallbackValue, int order) {
        this.option = option;
        this.declaringClass = declaringClass;
        this.field = field;
        this.toString = toString;
        this.names = names;
        this.index = index;
        this.arity = arity;
        this.arityUnspecified = arityUnspecified;
        this.type = type;
        this.auxiliaryTypes = auxiliaryTypes;
        this.paramLabel = paramLabel;
        this.hideParamSyntax = hideParamSyntax;
        this.description = description;
        this.descriptionKey = descriptionKey;
        this.required = required;
        this.interactive = interactive;
        this.echo = echo;
        this.prompt = prompt;
        this.splitRegex = splitRegex;
        this.splitRegexSynopsisLabel = splitRegexSynopsisLabel;
        this.hidden = hidden;
        this.defaultValue = defaultValue;
        this.mapFallbackValue = mapFallbackValue;
        this.showDefaultValue = showDefaultValue;
        this.scopeType = scopeType;
        this.converters = converters;
        this.preprocessor = preprocessor;
        this.help = help;
        this.usageHelp = usageHelp;
        this.versionHelp = versionHelp;
        this.negatable = negatable;
        this.fallbackValue = fallbackValue;
        this.order = order;
    }

    /** The model of {@code arg}, which picocli built from the annotation on {@code field}. */
    static ArgModel of(ArgSpec arg, Field field) {
        boolean option = arg.isOption();
        OptionSpec o = option ? (OptionSpec) arg : null;
        Class<?>[] aux = arg.auxiliaryTypes();
        String[] auxNames = new String[aux.length];
        for (int i = 0; i < aux.length; i++) {
            auxNames[i] = aux[i].getName();
        }
        ITypeConverter<?>[] cs = arg.converters();
        String[] converterNames = new String[cs.length];
        for (int i = 0; i < cs.length; i++) {
            converterNames[i] = cs[i].getClass().getName();
        }
        String index = option ? null : ((PositionalParamSpec) arg).index().originalValue();
        return new ArgModel(option, field.getDeclaringClass().getName(), field.getName(), arg.toString(),
                option ? o.names() : null, index, arg.arity().originalValue(), arg.arity().isUnspecified(),
                arg.type().getName(), auxNames, arg.paramLabel(), arg.hideParamSyntax(), arg.description(),
                arg.descriptionKey(), arg.required(), arg.interactive(), arg.echo(), arg.prompt(), arg.splitRegex(),
                arg.splitRegexSynopsisLabel(), arg.hidden(), arg.defaultValue(), arg.mapFallbackValue(),
                arg.showDefaultValue().name(), arg.scopeType() == null ? null : arg.scopeType().name(), converterNames,
                arg.preprocessor().getClass().getName(), option && o.help(), option && o.usageHelp(),
                option && o.versionHelp(), option && o.negatable(), option ? o.fallbackValue() : null,
                option ? o.order() : 0);
    }

    /** The spec of this field of {@code target}: the same as picocli's annotation reading makes. */
    ArgSpec build(Object target, Field member, IFactory factory) throws Exception {
        FieldBinding binding = new FieldBinding(member, target);
        return option ? option(target, member, factory, binding) : positional(target, member, factory, binding);
    }

    // picocli's two builders share their setters through a class that is not public: the same lines, twice.

    private OptionSpec option(Object target, Field member, IFactory factory, FieldBinding binding) throws Exception {
        OptionSpec.Builder b = OptionSpec.builder(names);
        b.userObject(member);
        b.withToString(toString);
        b.arity(arity());
        b.type(load(type, target));
        b.auxiliaryTypes(classes(auxiliaryTypes, target));
        b.paramLabel(paramLabel);
        b.hideParamSyntax(hideParamSyntax);
        b.description(description);
        b.descriptionKey(descriptionKey);
        b.required(required);
        b.interactive(interactive);
        b.echo(echo);
        b.prompt(prompt);
        b.splitRegex(splitRegex);
        b.splitRegexSynopsisLabel(splitRegexSynopsisLabel);
        b.hidden(hidden);
        b.defaultValue(defaultValue);
        b.mapFallbackValue(mapFallbackValue);
        b.showDefaultValue(Help.Visibility.valueOf(showDefaultValue));
        b.scopeType(scopeType());
        b.converters(instances(converters, target, factory));
        b.preprocessor(preprocessor(target, factory));
        b.getter(binding);
        b.setter(binding);
        b.scope(binding.getScope());
        // picocli reads a field's initial value when it first needs it; nothing writes the field before.
        b.hasInitialValue(true);
        b.initialValue(binding.get());
        b.help(help);
        b.usageHelp(usageHelp);
        b.versionHelp(versionHelp);
        b.negatable(negatable);
        b.fallbackValue(fallbackValue);
        b.order(order);
        return b.build();
    }

    private PositionalParamSpec positional(Object target, Field member, IFactory factory, FieldBinding binding)
            throws Exception {
        PositionalParamSpec.Builder b = PositionalParamSpec.builder();
        b.index(Range.valueOf(index));
        b.userObject(member);
        b.withToString(toString);
        b.arity(arity());
        b.type(load(type, target));
        b.auxiliaryTypes(classes(auxiliaryTypes, target));
        b.paramLabel(paramLabel);
        b.hideParamSyntax(hideParamSyntax);
        b.description(description);
        b.descriptionKey(descriptionKey);
        b.required(required);
        b.interactive(interactive);
        b.echo(echo);
        b.prompt(prompt);
        b.splitRegex(splitRegex);
        b.splitRegexSynopsisLabel(splitRegexSynopsisLabel);
        b.hidden(hidden);
        b.defaultValue(defaultValue);
        b.mapFallbackValue(mapFallbackValue);
        b.showDefaultValue(Help.Visibility.valueOf(showDefaultValue));
        b.scopeType(scopeType());
        b.converters(instances(converters, target, factory));
        b.preprocessor(preprocessor(target, factory));
        b.getter(binding);
        b.setter(binding);
        b.scope(binding.getScope());
        // picocli reads a field's initial value when it first needs it; nothing writes the field before.
        b.hasInitialValue(true);
        b.initialValue(binding.get());
        return b.build();
    }

    private Range arity() {
        return Range.valueOf(arity).unspecified(arityUnspecified);
    }

    private ScopeType scopeType() {
        return scopeType == null ? null : ScopeType.valueOf(scopeType);
    }

    /** The preprocessor, or {@code null} for picocli's own no-op one. */
    private IParameterPreprocessor preprocessor(Object target, IFactory factory) throws Exception {
        return NO_PREPROCESSOR.equals(preprocessor) ? null
                : (IParameterPreprocessor) factory.create(load(preprocessor, target));
    }

    private static Class<?>[] classes(String[] names, Object target) throws ClassNotFoundException {
        Class<?>[] classes = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            classes[i] = load(names[i], target);
        }
        return classes;
    }

    private static ITypeConverter<?>[] instances(String[] names, Object target, IFactory factory) throws Exception {
        ITypeConverter<?>[] instances = new ITypeConverter<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            instances[i] = (ITypeConverter<?>) factory.create(load(names[i], target));
        }
        return instances;
    }

    /** A class by name; primitive types ({@code boolean}) too, which the model records by their names. */
    private static Class<?> load(String name, Object target) throws ClassNotFoundException {
        return switch (name) {
            case "boolean" -> boolean.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            case "float" -> float.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            default -> Class.forName(name, false, target.getClass().getClassLoader());
        };
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(option);
        out.writeUTF(declaringClass);
        out.writeUTF(field);
        Strings.write(out, toString);
        Strings.writeAll(out, names);
        Strings.write(out, index);
        Strings.write(out, arity);
        out.writeBoolean(arityUnspecified);
        out.writeUTF(type);
        Strings.writeAll(out, auxiliaryTypes);
        Strings.write(out, paramLabel);
        out.writeBoolean(hideParamSyntax);
        Strings.writeAll(out, description);
        Strings.write(out, descriptionKey);
        out.writeBoolean(required);
        out.writeBoolean(interactive);
        out.writeBoolean(echo);
        Strings.write(out, prompt);
        Strings.write(out, splitRegex);
        Strings.write(out, splitRegexSynopsisLabel);
        out.writeBoolean(hidden);
        Strings.write(out, defaultValue);
        Strings.write(out, mapFallbackValue);
        Strings.write(out, showDefaultValue);
        Strings.write(out, scopeType);
        Strings.writeAll(out, converters);
        Strings.write(out, preprocessor);
        out.writeBoolean(help);
        out.writeBoolean(usageHelp);
        out.writeBoolean(versionHelp);
        out.writeBoolean(negatable);
        Strings.write(out, fallbackValue);
        out.writeInt(order);
    }

    static ArgModel read(DataInput in) throws IOException {
        return new ArgModel(in.readBoolean(), in.readUTF(), in.readUTF(), Strings.read(in), Strings.readAll(in),
                Strings.read(in), Strings.read(in), in.readBoolean(), in.readUTF(), Strings.readAll(in), Strings.read(in),
                in.readBoolean(), Strings.readAll(in), Strings.read(in), in.readBoolean(), in.readBoolean(),
                in.readBoolean(), Strings.read(in), Strings.read(in), Strings.read(in), in.readBoolean(), Strings.read(in),
                Strings.read(in), Strings.read(in), Strings.read(in), Strings.readAll(in), Strings.read(in),
                in.readBoolean(), in.readBoolean(), in.readBoolean(), in.readBoolean(), Strings.read(in), in.readInt());
    }
}
