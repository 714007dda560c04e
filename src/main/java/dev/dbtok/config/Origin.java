package dev.dbtok.config;

import java.util.Objects;

/**
 * Where a resolved attribute came from, worded like the official CLI's {@code auth describe}:
 * {@code DATABRICKS_HOST environment variable}, {@code /home/me/.databrickscfg config file},
 * {@code --profile flag}, {@code bundle} for values taken from {@code databricks.yml}, or
 * {@code dynamic configuration} for values dbtok derived itself
 * (a pinned profile name, IDs taken from the host URL).
 */
public record Origin(Type type, String name) {

    public enum Type {
        ENVIRONMENT("environment variable"),
        CONFIG_FILE("config file"),
        FLAG("flag"),
        /** {@code workspace.host} / {@code workspace.profile} of the bundle's {@code databricks.yml}. */
        BUNDLE("bundle"),
        DYNAMIC("dynamic configuration");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Origin {
        Objects.requireNonNull(type, "type");
    }

    public static Origin env(String variable) {
        return new Origin(Type.ENVIRONMENT, variable);
    }

    public static Origin file(String path) {
        return new Origin(Type.CONFIG_FILE, path);
    }

    public static Origin flag(String flag) {
        return new Origin(Type.FLAG, flag);
    }

    public static Origin bundle() {
        return new Origin(Type.BUNDLE, null);
    }

    public static Origin dynamic() {
        return new Origin(Type.DYNAMIC, null);
    }

    @Override
    public String toString() {
        return name == null ? type.label : name + " " + type.label;
    }
}
