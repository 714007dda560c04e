package dev.dbtok.cli.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command's subcommands. Declared here instead of in picocli's {@code @Command(subcommands = ...)},
 * which would make picocli build every command of the tree on every run: dbtok's command tree builds
 * only those a run can reach.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subcommands {
    Class<?>[] value();
}
