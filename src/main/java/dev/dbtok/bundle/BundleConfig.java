package dev.dbtok.bundle;

import dev.dbtok.config.BundleWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What dbtok reads from a bundle's root configuration file: the top-level {@code workspace.host} and
 * {@code workspace.profile}, and for each entry of {@code targets} its {@code default} flag and its
 * {@code workspace.host} / {@code workspace.profile} overrides. Everything else in the file is ignored.
 */
final class BundleConfig {
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE");
    /** The name the official CLI gives the implicit target of a bundle that defines none. */
    private static final String IMPLICIT_TARGET = "default";

    private record Workspace(String host, String profile) {
    }

    private record Target(boolean isDefault, Workspace workspace) {
    }

    private final Path file;
    private final Workspace workspace;
    private final Map<String, Target> targets;

    private BundleConfig(Path file, Workspace workspace, Map<String, Target> targets) {
        this.file = file;
        this.workspace = workspace;
        this.targets = targets;
    }

    static BundleConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BundleException("read " + file + ": " + (e.getMessage() == null ? "cannot be read" : e.getMessage()), e);
        }
        BlockYaml.Node.Mapping root;
        try {
            root = BlockYaml.parse(text);
        } catch (BlockYaml.SyntaxException e) {
            throw new BundleException(file + ":" + e.line() + ": " + e.getMessage(), e);
        }
        return new Reader(file).config(root);
    }

    /**
     * The workspace of the target named {@code target} ({@code -t} or {@code DATABRICKS_BUNDLE_TARGET}),
     * or, when none is named, of the only target or the one marked {@code default: true}. The target's
     * host and profile override the top-level ones field by field.
     */
    BundleWorkspace select(String target) {
        Map<String, Target> choices = targets.isEmpty() ? Map.of(IMPLICIT_TARGET, new Target(false, new Workspace(null, null)))
                : targets;
        String name = target != null ? target : defaultTarget(choices);
        Target chosen = choices.get(name);
        if (chosen == null) {
            throw new BundleException(name + ": no such target. Available targets: " + String.join(", ", new TreeSet<>(choices.keySet())));
        }
        String host = chosen.workspace().host() != null ? chosen.workspace().host() : workspace.host();
        String profile = chosen.workspace().profile() != null ? chosen.workspace().profile() : workspace.profile();
        return new BundleWorkspace(name, host, profile);
    }

    private static String defaultTarget(Map<String, Target> choices) {
        if (choices.size() == 1) {
            return choices.keySet().iterator().next();
        }
        Set<String> defaults = new TreeSet<>();
        choices.forEach((name, target) -> {
            if (target.isDefault()) {
                defaults.add(name);
            }
        });
        if (defaults.size() > 1) {
            throw new BundleException("multiple targets are marked as default (" + String.join(", ", defaults) + ")");
        }
        if (defaults.isEmpty()) {
            throw new BundleException("please specify target");
        }
        return defaults.iterator().next();
    }

    @Override
    public String toString() {
        return "BundleConfig[" + file + ", targets=" + targets.keySet() + "]";
    }

    /** Turns the parsed tree into the settings above, with one error per unusable value. */
    private record Reader(Path file) {

        BundleConfig config(BlockYaml.Node.Mapping root) {
            Map<String, BlockYaml.Node> top = root.entries();
            if (top.containsKey("targets") && top.containsKey("environments")) {
                throw new BundleException("both 'targets' and 'environments' are specified; only 'targets' should be used");
            }
            String targetsKey = top.containsKey("targets") ? "targets" : "environments";
            Workspace workspace = workspace(top.get("workspace"), "workspace");
            Map<String, Target> targets = new LinkedHashMap<>();
            BlockYaml.Node targetsNode = top.get(targetsKey);
            if (targetsNode != null && !isNull(targetsNode)) {
                for (Map.Entry<String, BlockYaml.Node> entry : mapping(targetsNode, targetsKey).entrySet()) {
                    targets.put(entry.getKey(), target(entry.getValue(), targetsKey + "." + entry.getKey()));
                }
            }
            return new BundleConfig(file, workspace, targets);
        }

        private Target target(BlockYaml.Node node, String path) {
            if (isNull(node)) {
                return new Target(false, new Workspace(null, null));
            }
            Map<String, BlockYaml.Node> entries = mapping(node, path);
            return new Target(bool(entries.get("default"), path + ".default"), workspace(entries.get("workspace"), path + ".workspace"));
        }

        private Workspace workspace(BlockYaml.Node node, String path) {
            if (node == null || isNull(node)) {
                return new Workspace(null, null);
            }
            Map<String, BlockYaml.Node> entries = mapping(node, path);
            return new Workspace(string(entries.get("host"), path + ".host"), string(entries.get("profile"), path + ".profile"));
        }

        private Map<String, BlockYaml.Node> mapping(BlockYaml.Node node, String path) {
            if (!(node instanceof BlockYaml.Node.Mapping m)) {
                throw invalid(node, path, "expected a mapping, found " + kind(node));
            }
            if (m.entries().containsKey("<<")) {
                // A merge key could bring in a workspace or a default flag that dbtok would not see.
                throw invalid(m.entries().get("<<"), path, "merge keys (<<) are not supported by dbtok; write the values out");
            }
            return m.entries();
        }

        private String string(BlockYaml.Node node, String path) {
            if (node == null || isNull(node)) {
                return null;
            }
            if (!(node instanceof BlockYaml.Node.Scalar scalar)) {
                throw invalid(node, path, "expected a string, found " + kind(node));
            }
            if (scalar.text().contains("${")) {
                throw invalid(node, path, "\"" + scalar.text() + "\" uses a ${...} reference, which dbtok does not"
                        + " resolve; write the value itself");
            }
            return scalar.text();
        }

        private boolean bool(BlockYaml.Node node, String path) {
            if (node == null || isNull(node)) {
                return false;
            }
            if (node instanceof BlockYaml.Node.Scalar scalar && !scalar.quoted()) {
                if (TRUE.contains(scalar.text())) {
                    return true;
                }
                if (FALSE.contains(scalar.text())) {
                    return false;
                }
            }
            String found = node instanceof BlockYaml.Node.Scalar scalar ? "\"" + scalar.text() + "\"" : kind(node);
            throw invalid(node, path, "expected true or false, found " + found);
        }

        private BundleException invalid(BlockYaml.Node node, String path, String detail) {
            return new BundleException(file + ":" + node.line() + ": " + path + ": " + detail);
        }

        private static boolean isNull(BlockYaml.Node node) {
            return node instanceof BlockYaml.Node.Scalar scalar && scalar.isNull();
        }

        private static String kind(BlockYaml.Node node) {
            if (node instanceof BlockYaml.Node.Mapping) {
                return "a mapping";
            }
            if (node instanceof BlockYaml.Node.Unsupported unsupported) {
                return "a " + unsupported.kind();
            }
            return "a string";
        }
    }
}
