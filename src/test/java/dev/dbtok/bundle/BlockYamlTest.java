package dev.dbtok.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtok.bundle.BlockYaml.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BlockYamlTest {

    static Map<String, Node> parse(String text) throws BlockYaml.SyntaxException {
        return BlockYaml.parse(text).entries();
    }

    static Map<String, Node> map(Node node) {
        return assertInstanceOf(Node.Mapping.class, node).entries();
    }

    static String text(Node node) {
        return assertInstanceOf(Node.Scalar.class, node).text();
    }

    @Nested
    class Mappings_and_scalars {

        @Test
        void should_read_nested_mappings_with_plain_and_quoted_scalars() throws Exception {
            Map<String, Node> root = parse("""
                    bundle:
                      name: demo   # the name
                    workspace:
                      host: https://dbc-1.cloud.databricks.com/#frag
                      profile: "work # not a comment"
                    targets:
                      dev:
                        default: true
                        workspace:
                          profile: 'it''s dev'
                    """);

            assertEquals("demo", text(map(root.get("bundle")).get("name")));
            assertEquals("https://dbc-1.cloud.databricks.com/#frag", text(map(root.get("workspace")).get("host")));
            assertEquals("work # not a comment", text(map(root.get("workspace")).get("profile")));
            Map<String, Node> dev = map(map(root.get("targets")).get("dev"));
            assertEquals("true", text(dev.get("default")));
            assertEquals("it's dev", text(map(dev.get("workspace")).get("profile")));
        }

        @Test
        void should_read_double_quoted_escapes() throws Exception {
            assertEquals("a\"b\\c\u00e9", text(parse("k: \"a\\\"b\\\\c\\u00e9\"").get("k")));
        }

        @Test
        void should_treat_an_empty_value_as_null() throws Exception {
            Map<String, Node> targets = map(parse("targets:\n  dev:\n  prod: ~\n  test: \"\"\n").get("targets"));

            assertTrue(assertInstanceOf(Node.Scalar.class, targets.get("dev")).isNull());
            assertTrue(assertInstanceOf(Node.Scalar.class, targets.get("prod")).isNull());
            assertTrue(!assertInstanceOf(Node.Scalar.class, targets.get("test")).isNull(), "a quoted empty string is a string");
        }

        @Test
        void should_accept_a_document_start_marker_and_windows_line_endings() throws Exception {
            assertEquals("x", text(map(parse("---\r\nworkspace:\r\n  host: x\r\n").get("workspace")).get("host")));
        }
    }

    @Nested
    class Constructs_it_steps_over {

        @Test
        void should_step_over_sequences_block_scalars_and_flow_collections() throws Exception {
            Map<String, Node> root = parse("""
                    include:
                      - resources/*.yml
                      - other.yml
                    resources:
                      jobs:
                        job:
                          description: |
                            host: not this one
                              workspace: nor this
                          tags: {a: 1,
                            b: 2}
                          tasks:
                          - task_key: t
                            notebook_task:
                              path: ./x
                    workspace:
                      host: https://right
                    """);

            assertEquals(new Node.Unsupported(1, "sequence"), root.get("include"));
            Map<String, Node> job = map(map(map(root.get("resources")).get("jobs")).get("job"));
            assertEquals("block scalar", assertInstanceOf(Node.Unsupported.class, job.get("description")).kind());
            assertEquals("flow collection", assertInstanceOf(Node.Unsupported.class, job.get("tags")).kind());
            assertEquals("sequence", assertInstanceOf(Node.Unsupported.class, job.get("tasks")).kind());
            assertEquals("https://right", text(map(root.get("workspace")).get("host")));
        }

        @Test
        void should_mark_anchors_aliases_and_multi_line_plain_values() throws Exception {
            Map<String, Node> root = parse("""
                    base: &base
                      host: https://a
                    copy: *base
                    note: first line
                      second line
                    """);

            assertEquals("https://a", text(map(root.get("base")).get("host")));
            assertEquals("alias", assertInstanceOf(Node.Unsupported.class, root.get("copy")).kind());
            assertEquals("multi-line value", assertInstanceOf(Node.Unsupported.class, root.get("note")).kind());
        }
    }

    @Nested
    class Errors {

        @Test
        void should_reject_tabs_in_indentation_with_the_line() {
            BlockYaml.SyntaxException e = assertThrows(BlockYaml.SyntaxException.class,
                    () -> parse("workspace:\n\thost: x\n"));
            assertEquals(2, e.line());
            assertEquals("found a tab character where an indentation space is expected", e.getMessage());
        }

        @Test
        void should_reject_a_duplicate_key() {
            BlockYaml.SyntaxException e = assertThrows(BlockYaml.SyntaxException.class,
                    () -> parse("workspace:\n  host: a\n  host: b\n"));
            assertEquals(3, e.line());
            assertEquals("mapping key \"host\" already defined", e.getMessage());
        }

        @Test
        void should_reject_bad_indentation() {
            for (String text : List.of("a:\n    b: 1\n  c: 2\n", "a: 1\n  b: 2\n")) {
                BlockYaml.SyntaxException e = assertThrows(BlockYaml.SyntaxException.class, () -> parse(text));
                assertEquals("bad indentation of a mapping entry", e.getMessage(), text);
            }
        }

        @Test
        void should_reject_an_unterminated_quote() {
            BlockYaml.SyntaxException e = assertThrows(BlockYaml.SyntaxException.class,
                    () -> parse("workspace:\n  host: \"https://x\n"));
            assertEquals(2, e.line());
        }
    }
}
