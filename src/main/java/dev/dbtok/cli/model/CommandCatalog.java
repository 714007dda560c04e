package dev.dbtok.cli.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * dbtok's commands as picocli reads them from their annotations, read instead from a catalog that the build writes
 * ({@link CatalogWriter}). Reading annotations at run time is a quarter of a short run: the JVM generates a proxy
 * class per annotation type (picocli's and their meta-annotations), which no class-data archive of Java 17 can hold.
 * The catalog gives picocli the same model through its programmatic API.
 *
 * <p>A class the catalog does not hold, whose fields (names and types) changed since the catalog was written, or whose
 * entry is broken or no longer builds, is read from its annotations as before: only slower. A change to an annotation
 * alone is not seen: the Maven build writes the catalog again after every compilation ({@code process-classes}), and
 * {@code CommandCatalogTest} fails on a catalog that differs from a fresh one.
 */
public final class CommandCatalog {
    /** Where the build puts the catalog, in the jar and in {@code target/classes}. */
    public static final String RESOURCE = "META-INF/dbtok/commands.bin";
    static final int MAGIC = 0xdb70c001;
    static final int FORMAT = 1;

    private static CommandCatalog shared;

    /** The catalog as written; models are decoded from it when first asked for. */
    private final byte[] bytes;
    private final Map<String, Integer> offsets;
    private final Map<String, CommandModel> models = new HashMap<>();

    private CommandCatalog(byte[] bytes, Map<String, Integer> offsets) {
        this.bytes = bytes;
        this.offsets = offsets;
    }

    /** A catalog of the given models (for the tests). */
    static CommandCatalog of(Map<String, CommandModel> models) {
        CommandCatalog catalog = new CommandCatalog(new byte[0], Map.of());
        catalog.models.putAll(models);
        return catalog;
    }

    /** The catalog of the running dbtok; empty when there is none. */
    public static synchronized CommandCatalog shared() {
        if (shared == null) {
            shared = load(System.getProperty("java.class.path", ""), CommandCatalog.class.getClassLoader());
        }
        return shared;
    }

    static CommandCatalog load(String classPath, ClassLoader loader) {
        try {
            byte[] bytes = CatalogFile.read(classPath, loader, RESOURCE);
            return bytes == null ? of(Map.of()) : read(bytes);
        } catch (IOException | RuntimeException e) {
            // A broken catalog only costs speed: every command is read from its annotations.
            return of(Map.of());
        }
    }

    /** Reads the catalog's index; the models stay encoded until asked for. */
    static CommandCatalog read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a dbtok command catalog of format " + FORMAT);
        }
        int n = in.readInt();
        Map<String, Integer> offsets = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            offsets.put(in.readUTF(), in.readInt());
        }
        int start = bytes.length - in.available();
        for (Map.Entry<String, Integer> entry : offsets.entrySet()) {
            entry.setValue(start + entry.getValue());
        }
        return new CommandCatalog(bytes, offsets);
    }

    /** Whether {@code type} is built from the catalog. */
    public boolean holds(Class<?> type) {
        return model(type) != null;
    }

    /** What the command list shows of the command {@code type}, and its subcommands. */
    public CommandInfo info(Class<?> type) {
        CommandModel model = model(type);
        return model != null && model.name() != null ? model : new AnnotatedCommandInfo(type);
    }

    /** The spec of {@code command} (an instance of a command class): the one picocli makes from its annotations. */
    public CommandSpec spec(Object command, IFactory factory) {
        CommandModel model = model(command.getClass());
        if (model == null) {
            return CommandSpec.forAnnotatedObject(command, factory);
        }
        try {
            return model.spec(command, factory, this);
        } catch (Exception | LinkageError e) {
            // A catalog that no longer matches the classes (a converter renamed since it was written, say) costs only
            // speed: the annotations give the model. What the attempt set on the command (its mixins, its spec) the
            // annotation reading sets again.
            return CommandSpec.forAnnotatedObject(command, factory);
        }
    }

    CommandModel model(Class<?> type) {
        CommandModel model = decoded(type.getName());
        return model != null && model.matches(type) ? model : null;
    }

    private synchronized CommandModel decoded(String className) {
        CommandModel model = models.get(className);
        Integer offset = offsets.get(className);
        if (model == null && offset != null) {
            try {
                model = CommandModel.read(new DataInputStream(
                        new ByteArrayInputStream(bytes, offset, bytes.length - offset)));
            } catch (IOException | RuntimeException e) {
                return null; // a broken entry: that command is read from its annotations
            }
            models.put(className, model);
        }
        return model;
    }
}
