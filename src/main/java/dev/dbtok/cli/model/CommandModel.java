package dev.dbtok.cli.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One command (or mixin) class of the catalog: its {@code @Command} attributes and its annotated fields in the order
 * picocli reads them, each with what picocli made of it. {@link #spec} builds the same {@link CommandSpec} as
 * picocli's annotation reading, through its programmatic API.
 */
final class CommandModel implements CommandInfo {
    static final byte OPTION = 1;
    static final byte MIXIN = 2;
    static final byte SPEC = 3;

    final String className;
    /**
     * A hash of the names and types of every field of the class and its superclasses: a catalog written before the class's
     * fields changed (a build that compiled without writing the catalog) is not used for it.
     */
    final int fields;
    private final String name;
    private final String[] aliases;
    private final String[] header;
    private final String[] description;
    private final String[] customSynopsis;
    private final boolean hidden;
    private final String versionProvider;
    private final String modelTransformer;
    private final String[] subcommands;
    private final List<Member> members;

    CommandModel(String className, int fields, String name, String[] aliases, String[] header,
                 String[] description, String[] customSynopsis, boolean hidden, String versionProvider,
                 String modelTransformer, String[] subcommands, List<Member> members) {
        this.className = className;
        this.fields = fields;
        this.name = name;
        this.aliases = aliases;
        this.header = header;
        this.description = description;
        this.customSynopsis = customSynopsis;
        this.hidden = hidden;
        this.versionProvider = versionProvider;
        this.modelTransformer = modelTransformer;
        this.subcommands = subcommands;
        this.members = members;
    }

    /** An annotated field: an option or positional ({@code arg}), a mixin, or where the command's spec goes. */
    record Member(byte kind, String declaringClass, String field, ArgModel arg, String mixinName, String mixinClass,
                  String mixinToString) {
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String[] aliases() {
        return aliases.clone();
    }

    @Override
    public String[] header() {
        return header.clone();
    }

    @Override
    public boolean hidden() {
        return hidden;
    }

    /** The options and positionals, for the tests. */
    List<ArgModel> args() {
        List<ArgModel> args = new ArrayList<>();
        for (Member member : members) {
            if (member.arg() != null) {
                args.add(member.arg());
            }
        }
        return args;
    }

    @Override
    public List<String> subcommands() {
        return List.of(subcommands);
    }

    /** The spec of {@code command}, an instance of this class, with its mixins from {@code catalog}. */
    CommandSpec spec(Object command, IFactory factory, CommandCatalog catalog) throws Exception {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command, factory);
        if (name != null) {
            spec.name(name);
            spec.aliases(aliases);
            spec.usageMessage().header(header).description(description).customSynopsis(customSynopsis).hidden(hidden);
            if (versionProvider != null) {
                spec.versionProvider((IVersionProvider) factory.create(type(versionProvider, command)));
            }
            if (modelTransformer != null) {
                // Applied by picocli when the command line is made, as for an annotated command.
                spec.modelTransformer((IModelTransformer) factory.create(type(modelTransformer, command)));
            }
        }
        for (Member member : members) {
            Field field = type(member.declaringClass, command).getDeclaredField(member.field);
            field.setAccessible(true);
            switch (member.kind) {
                case OPTION -> spec.add(member.arg.build(command, field, factory));
                case MIXIN -> {
                    Object mixin = field.get(command);
                    if (mixin == null) {
                        mixin = factory.create(field.getType());
                        field.set(command, mixin);
                    }
                    CommandSpec mixinSpec = catalog.spec(mixin, factory);
                    spec.addMixin(member.mixinName, mixinSpec.withToString(member.mixinToString));
                }
                case SPEC -> field.set(command, spec);
                default -> throw new IllegalStateException("unknown member kind " + member.kind);
            }
        }
        return spec;
    }

    /** Whether the class still has the fields it had when the catalog was written. */
    boolean matches(Class<?> type) {
        return fields == fieldsOf(type);
    }

    static int fieldsOf(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<String> names = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.isSynthetic()) { // a coverage agent's fields are not the command's
                    names.add(c.getName() + "." + field.getName() + ":" + field.getGenericType().getTypeName());
                }
            }
        }
        return names.hashCode();
    }

    private static Class<?> type(String name, Object command) throws ClassNotFoundException {
        return Class.forName(name, false, command.getClass().getClassLoader());
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(className);
        out.writeInt(fields);
        Strings.write(out, name);
        Strings.writeAll(out, aliases);
        Strings.writeAll(out, header);
        Strings.writeAll(out, description);
        Strings.writeAll(out, customSynopsis);
        out.writeBoolean(hidden);
        Strings.write(out, versionProvider);
        Strings.write(out, modelTransformer);
        Strings.writeAll(out, subcommands);
        out.writeInt(members.size());
        for (Member member : members) {
            out.writeByte(member.kind);
            out.writeUTF(member.declaringClass);
            out.writeUTF(member.field);
            if (member.kind == OPTION) {
                member.arg.write(out);
            } else if (member.kind == MIXIN) {
                out.writeUTF(member.mixinName);
                out.writeUTF(member.mixinClass);
                Strings.write(out, member.mixinToString);
            }
        }
    }

    static CommandModel read(DataInput in) throws IOException {
        String className = in.readUTF();
        int fields = in.readInt();
        String name = Strings.read(in);
        String[] aliases = Strings.readAll(in);
        String[] header = Strings.readAll(in);
        String[] description = Strings.readAll(in);
        String[] customSynopsis = Strings.readAll(in);
        boolean hidden = in.readBoolean();
        String versionProvider = Strings.read(in);
        String modelTransformer = Strings.read(in);
        String[] subcommands = Strings.readAll(in);
        int n = in.readInt();
        List<Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte kind = in.readByte();
            String declaringClass = in.readUTF();
            String field = in.readUTF();
            if (kind == OPTION) {
                members.add(new Member(kind, declaringClass, field, ArgModel.read(in), null, null, null));
            } else if (kind == MIXIN) {
                members.add(new Member(kind, declaringClass, field, null, in.readUTF(), in.readUTF(), Strings.read(in)));
            } else {
                members.add(new Member(kind, declaringClass, field, null, null, null, null));
            }
        }
        return new CommandModel(className, fields, name, aliases, header, description, customSynopsis, hidden,
                versionProvider, modelTransformer, subcommands, members);
    }
}
