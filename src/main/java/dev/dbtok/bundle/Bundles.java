package dev.dbtok.bundle;

import dev.dbtok.config.BundleWorkspace;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace settings of the bundle that holds the working directory, if any. Only the root
 * configuration file is read ({@code include}d files are not), and only {@code workspace.host},
 * {@code workspace.profile} and {@code targets.<name>.{default, workspace.host, workspace.profile}}.
 */
public final class Bundles {
    private Bundles() {
    }

    /**
     * @param workingDir where the search for {@code databricks.yml} starts
     * @param env        for {@code DATABRICKS_BUNDLE_ROOT}
     * @param target     the target from {@code -t} or {@code DATABRICKS_BUNDLE_TARGET}; {@code null} to pick the default
     * @return empty when the working directory is not inside a bundle
     * @throws BundleException when the bundle file cannot be read or names no usable target
     */
    public static Optional<BundleWorkspace> workspace(Path workingDir, Map<String, String> env, String target) {
        return BundleRoot.find(workingDir, env).map(BundleConfig::read).map(config -> config.select(target));
    }
}
