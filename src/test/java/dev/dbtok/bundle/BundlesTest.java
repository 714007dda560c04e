package dev.dbtok.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.config.BundleWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BundlesTest {
    static final String TWO_TARGETS = """
            bundle:
              name: demo
            workspace:
              host: https://root.example.com
              profile: root-profile
            targets:
              dev:
                default: true
                workspace:
                  profile: dev-profile
              prod:
                workspace:
                  host: https://prod.example.com
            """;

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    Optional<BundleWorkspace> workspace(String target) {
        return Bundles.workspace(dir, Map.of(), target);
    }

    String failure(String target) {
        return assertThrows(BundleException.class, () -> workspace(target)).getMessage();
    }

    @Nested
    class Finding_the_bundle {

        @Test
        void should_find_nothing_outside_a_bundle() {
            assertEquals(Optional.empty(), workspace(null));
        }

        @Test
        void should_find_databricks_yml_in_a_parent_directory() throws IOException {
            write("databricks.yml", "workspace:\n  host: https://up.example.com\n");
            Path nested = Files.createDirectories(dir.resolve("src/jobs"));

            assertEquals(Optional.of(new BundleWorkspace("default", "https://up.example.com", null)),
                    Bundles.workspace(nested, Map.of(), null));
        }

        @Test
        void should_prefer_databricks_yml_further_up_over_bundle_yml_nearby() throws IOException {
            write("databricks.yml", "workspace:\n  host: https://databricks-yml\n");
            write("sub/bundle.yml", "workspace:\n  host: https://bundle-yml\n");

            assertEquals("https://databricks-yml", Bundles.workspace(dir.resolve("sub"), Map.of(), null).orElseThrow().host());
        }

        @Test
        void should_refuse_two_configuration_files_in_one_directory() throws IOException {
            write("databricks.yml", "bundle:\n  name: a\n");
            write("databricks.yaml", "bundle:\n  name: b\n");

            assertEquals("multiple bundle root configuration files found in " + dir, failure(null));
        }

        @Test
        void should_use_the_bundle_root_variable() throws IOException {
            write("elsewhere/databricks.yml", "workspace:\n  host: https://env-root\n");

            assertEquals("https://env-root", Bundles.workspace(dir, Map.of("DATABRICKS_BUNDLE_ROOT", "elsewhere"), null)
                    .orElseThrow().host());
        }

        @Test
        void should_refuse_a_bundle_root_variable_without_a_bundle() {
            BundleException e = assertThrows(BundleException.class,
                    () -> Bundles.workspace(dir, Map.of("DATABRICKS_BUNDLE_ROOT", "missing"), null));

            assertEquals("Invalid bundle root DATABRICKS_BUNDLE_ROOT=\"missing\": stat missing: no such file or directory",
                    e.getMessage());
        }
    }

    @Nested
    class Choosing_the_target {

        @Test
        void should_take_the_named_target_with_its_overrides() throws IOException {
            write("databricks.yml", TWO_TARGETS);

            assertEquals(Optional.of(new BundleWorkspace("prod", "https://prod.example.com", "root-profile")), workspace("prod"));
        }

        @Test
        void should_take_the_target_marked_default() throws IOException {
            write("databricks.yml", TWO_TARGETS);

            assertEquals(Optional.of(new BundleWorkspace("dev", "https://root.example.com", "dev-profile")), workspace(null));
        }

        @Test
        void should_take_the_only_target() throws IOException {
            write("databricks.yml", "targets:\n  only:\n    workspace:\n      host: https://only\n");

            assertEquals(Optional.of(new BundleWorkspace("only", "https://only", null)), workspace(null));
        }

        @Test
        void should_name_the_available_targets_for_an_unknown_one() throws IOException {
            write("databricks.yml", TWO_TARGETS);

            assertEquals("staging: no such target. Available targets: dev, prod", failure("staging"));
        }

        @Test
        void should_ask_for_a_target_when_none_is_the_default() throws IOException {
            write("databricks.yml", "targets:\n  a:\n  b:\n");

            assertEquals("please specify target", failure(null));
        }

        @Test
        void should_refuse_two_default_targets() throws IOException {
            write("databricks.yml", "targets:\n  b:\n    default: true\n  a:\n    default: true\n");

            assertEquals("multiple targets are marked as default (a, b)", failure(null));
        }

        @Test
        void should_offer_the_implicit_default_target_of_a_bundle_without_targets() throws IOException {
            write("databricks.yml", "workspace:\n  host: https://x\n");

            assertEquals("https://x", workspace("default").orElseThrow().host());
            assertEquals("dev: no such target. Available targets: default", failure("dev"));
        }
    }

    @Nested
    class Values_it_cannot_use {

        @Test
        void should_refuse_a_variable_reference_with_file_line_and_path() throws IOException {
            Path file = write("databricks.yml", "targets:\n  dev:\n    workspace:\n      host: ${var.host}\n");

            assertEquals(file + ":4: targets.dev.workspace.host: \"${var.host}\" uses a ${...} reference, which dbtok"
                    + " does not resolve; write the value itself", failure(null));
        }

        @Test
        void should_refuse_a_merge_key_in_a_target() throws IOException {
            Path file = write("databricks.yml", "x: &x\n  default: true\ntargets:\n  dev:\n    <<: *x\n");

            assertEquals(file + ":5: targets.dev: merge keys (<<) are not supported by dbtok; write the values out",
                    failure(null));
        }

        @Test
        void should_refuse_a_default_flag_that_is_not_a_boolean() throws IOException {
            Path file = write("databricks.yml", "targets:\n  dev:\n    default: yes\n");

            assertEquals(file + ":3: targets.dev.default: expected true or false, found \"yes\"", failure(null));
        }

        @Test
        void should_report_a_syntax_error_with_its_line() throws IOException {
            Path file = write("databricks.yml", "workspace:\n\thost: x\n");

            assertEquals(file + ":2: found a tab character where an indentation space is expected", failure(null));
        }

        @Test
        void should_ignore_everything_else_in_the_file() throws IOException {
            write("databricks.yml", """
                    bundle:
                      name: demo
                    include:
                      - resources/*.yml
                    variables:
                      host:
                        default: ${workspace.host}
                    resources:
                      jobs:
                        j:
                          tasks:
                            - task_key: a
                    workspace:
                      host: https://plain
                    """);

            assertTrue(workspace(null).isPresent());
            assertEquals("https://plain", workspace(null).orElseThrow().host());
        }
    }
}
