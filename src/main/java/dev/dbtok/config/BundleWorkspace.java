package dev.dbtok.config;

/**
 * The workspace a bundle's selected target points at: {@code workspace.host} and
 * {@code workspace.profile} of {@code databricks.yml} after the target's overrides. Either may be
 * {@code null}. {@code target} names the selected target, for messages.
 */
public record BundleWorkspace(String target, String host, String profile) {

    public BundleWorkspace {
        host = host == null || host.isEmpty() ? null : host;
        profile = profile == null || profile.isEmpty() ? null : profile;
    }
}
