package dev.dbtok.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of YAML that the workspace settings of a {@code databricks.yml} are written in:
 * nested block mappings ({@code key: value}, indented with spaces) whose leaf values are plain,
 * single-quoted or double-quoted scalars, with {@code #} comments.
 *
 * <p>Everything else a bundle file commonly holds (sequences, flow collections, block scalars,
 * anchors, aliases, multi-line scalars) is stepped over, not understood: its key maps to
 * {@link Node.Unsupported}, so a caller that needs such a value can say so instead of guessing.
 * Tabs in indentation, duplicate keys, bad indentation and unterminated quotes are errors, as they
 * are for a full YAML parser.
 */
final class BlockYaml {

    /** A parsed value. */
    sealed interface Node permits Node.Mapping, Node.Scalar, Node.Unsupported {
        /** The 1-based line where the value starts. */
        int line();

        /** A block mapping, keys in file order. */
        record Mapping(int line, Map<String, Node> entries) implements Node {
        }

        /**
         * A scalar as text; {@code quoted} scalars are never {@code null}, {@code true} or a number.
         * An empty plain scalar ({@code key:} with nothing under it) has text {@code ""}.
         */
        record Scalar(int line, String text, boolean quoted) implements Node {
            /** YAML's null: nothing, {@code ~} or {@code null}, unquoted. */
            boolean isNull() {
                return !quoted && (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null"));
            }
        }

        /** A value in a form this reader steps over; {@code kind} says which, for messages. */
        record Unsupported(int line, String kind) implements Node {
        }
    }

    /** A syntax error at a line. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** An open mapping and the column of its keys. */
    private record Level(int indent, Map<String, Node> entries) {
    }

    private final String[] lines;
    private final List<Level> stack = new ArrayList<>();
    /** The key most recently read, whose value may still turn out to be a nested block. */
    private Map<String, Node> pendingOwner;
    private String pendingKey;
    private int pendingIndent;
    private int lineNo;

    private BlockYaml(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        this.lines = body.split("\r\n|\r|\n", -1);
    }

    /** The top-level mapping of {@code text}; an empty document gives an empty mapping. */
    static Node.Mapping parse(String text) throws SyntaxException {
        return new BlockYaml(text).document();
    }

    private Node.Mapping document() throws SyntaxException {
        Map<String, Node> root = new LinkedHashMap<>();
        boolean started = false;
        for (int i = 0; i < lines.length; i++) {
            lineNo = i + 1;
            String line = lines[i];
            int indent = indentation(line);
            String content = stripComment(line.substring(indent)).strip();
            if (content.isEmpty()) {
                continue;
            }
            if (indent == 0 && (content.equals("---") || content.startsWith("--- "))) {
                if (started) {
                    throw new SyntaxException(lineNo, "more than one YAML document in the file");
                }
                started = true;
                continue;
            }
            if (indent == 0 && content.equals("...")) {
                break;
            }
            started = true;
            if (stack.isEmpty()) {
                stack.add(new Level(indent, root));
            }
            if (content.startsWith("- ") || content.equals("-")) {
                i = skipSequence(i, indent);
                continue;
            }
            i = entry(i, indent, content);
        }
        return new Node.Mapping(1, root);
    }

    /** One {@code key: value} line (and whatever block value follows it); returns the last line used. */
    private int entry(int index, int indent, String content) throws SyntaxException {
        int colon = keyEnd(content);
        if (colon < 0) {
            // A line that is not "key: value" continues a multi-line scalar under the previous key.
            if (pendingOwner != null && indent > pendingIndent) {
                pendingOwner.put(pendingKey, new Node.Unsupported(lineNo, "multi-line value"));
                return index;
            }
            throw new SyntaxException(lineNo, "expected \"key: value\", found " + quoteForMessage(content));
        }
        Map<String, Node> owner = ownerFor(indent);
        String key = unquoteKey(content.substring(0, colon).strip());
        if (owner.containsKey(key)) {
            throw new SyntaxException(lineNo, "mapping key \"" + key + "\" already defined");
        }
        String rest = content.substring(colon + 1).strip();
        int line = lineNo;
        if (rest.startsWith("&")) {
            // An anchor only names the value; the value itself still follows.
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        if (rest.startsWith("!")) {
            int space = rest.indexOf(' ');
            rest = space < 0 ? "" : rest.substring(space + 1).strip();
        }
        pendingOwner = owner;
        pendingKey = key;
        pendingIndent = indent;
        if (rest.isEmpty()) {
            owner.put(key, new Node.Scalar(line, "", false));
            return index;
        }
        if (rest.startsWith("|") || rest.startsWith(">")) {
            owner.put(key, new Node.Unsupported(line, "block scalar"));
            return skipDeeper(index, indent);
        }
        if (rest.startsWith("[") || rest.startsWith("{")) {
            owner.put(key, new Node.Unsupported(line, "flow collection"));
            return skipFlow(index, rest);
        }
        if (rest.startsWith("*")) {
            owner.put(key, new Node.Unsupported(line, "alias"));
            return index;
        }
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            owner.put(key, new Node.Scalar(line, unquote(rest), true));
            return index;
        }
        owner.put(key, new Node.Scalar(line, rest, false));
        return index;
    }

    /**
     * The mapping a key at {@code indent} belongs to: the open one at that column, or a new one
     * nested under the previous key, whose value must then have been left empty.
     */
    private Map<String, Node> ownerFor(int indent) throws SyntaxException {
        while (stack.size() > 1 && stack.get(stack.size() - 1).indent() > indent) {
            stack.remove(stack.size() - 1);
        }
        Level top = stack.get(stack.size() - 1);
        if (indent == top.indent()) {
            return top.entries();
        }
        if (indent < top.indent()) {
            throw new SyntaxException(lineNo, "bad indentation of a mapping entry");
        }
        Node previous = pendingOwner == null ? null : pendingOwner.get(pendingKey);
        if (pendingOwner != top.entries() || !(previous instanceof Node.Scalar s) || s.quoted() || !s.text().isEmpty()) {
            if (previous instanceof Node.Unsupported) {
                // Deeper lines under a value that is stepped over (e.g. after an alias) are stepped over too.
                Map<String, Node> ignored = new LinkedHashMap<>();
                stack.add(new Level(indent, ignored));
                return ignored;
            }
            throw new SyntaxException(lineNo, "bad indentation of a mapping entry");
        }
        Map<String, Node> child = new LinkedHashMap<>();
        pendingOwner.put(pendingKey, new Node.Mapping(s.line(), child));
        stack.add(new Level(indent, child));
        return child;
    }

    /** A sequence is stepped over: its items and everything nested in them. */
    private int skipSequence(int index, int indent) throws SyntaxException {
        if (pendingOwner != null) {
            Node previous = pendingOwner.get(pendingKey);
            if (previous instanceof Node.Scalar s && !s.quoted() && s.text().isEmpty() && indent >= pendingIndent) {
                pendingOwner.put(pendingKey, new Node.Unsupported(s.line(), "sequence"));
            } else if (!(previous instanceof Node.Unsupported)) {
                throw new SyntaxException(lineNo, "a sequence item where a mapping entry was expected");
            }
        } else {
            throw new SyntaxException(lineNo, "the document is a sequence, not a mapping");
        }
        int i = index + 1;
        while (i < lines.length) {
            lineNo = i + 1;
            String line = lines[i];
            int lineIndent = spaces(line);
            String content = stripComment(line.substring(lineIndent)).strip();
            if (!content.isEmpty() && (lineIndent < indent
                    || lineIndent == indent && !(content.startsWith("- ") || content.equals("-")))) {
                break;
            }
            i++;
        }
        return i - 1;
    }

    /** Lines more indented than {@code indent} (and blank lines among them) belong to the value above. */
    private int skipDeeper(int index, int indent) {
        int i = index + 1;
        while (i < lines.length) {
            lineNo = i + 1;
            String line = lines[i];
            if (!line.isBlank() && spaces(line) <= indent) {
                break;
            }
            i++;
        }
        return i - 1;
    }

    /** A flow collection may span lines: skip until its brackets balance. */
    private int skipFlow(int index, String start) throws SyntaxException {
        int depth = bracketDepth(start, 0);
        int i = index;
        while (depth > 0 && i + 1 < lines.length) {
            i++;
            lineNo = i + 1;
            depth = bracketDepth(lines[i], depth);
        }
        if (depth > 0) {
            throw new SyntaxException(index + 1, "unterminated flow collection");
        }
        return i;
    }

    private static int bracketDepth(String text, int depth) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ')) {
                break;
            }
        }
        return depth;
    }

    /** Leading spaces, for lines that are stepped over (where tabs may be content). */
    private static int spaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private int indentation(String line) throws SyntaxException {
        int n = spaces(line);
        if (n < line.length() && line.charAt(n) == '\t' && !line.isBlank()) {
            throw new SyntaxException(lineNo, "found a tab character where an indentation space is expected");
        }
        return n;
    }

    /** The colon that ends the key: followed by a space or the end of the line, outside quotes. */
    private static int keyEnd(String content) {
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i == 0) {
                quote = c;
            } else if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** A comment starts at a {@code #} at the start of the content or after a space, outside quotes. */
    private static String stripComment(String content) {
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (quote == '\'' && i + 1 < content.length() && content.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        quote = 0;
                    }
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if ((c == '"' || c == '\'') && startsValue(content, i)) {
                quote = c;
            } else if (c == '#' && (i == 0 || content.charAt(i - 1) == ' ')) {
                return content.substring(0, i);
            }
        }
        return content;
    }

    /** Quotes only open a scalar at its start: after {@code ": "}, at the line start, or after {@code "- "}. */
    private static boolean startsValue(String content, int i) {
        if (i == 0) {
            return true;
        }
        String before = content.substring(0, i).stripTrailing();
        return before.endsWith(":") || before.endsWith("-") || before.endsWith("[") || before.endsWith("{")
                || before.endsWith(",");
    }

    private String unquoteKey(String key) throws SyntaxException {
        return key.startsWith("\"") || key.startsWith("'") ? unquote(key) : key;
    }

    /** A single- or double-quoted scalar that ends on this line; text after it is not allowed. */
    private String unquote(String text) throws SyntaxException {
        char quote = text.charAt(0);
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                if (!text.substring(i + 1).isBlank()) {
                    throw new SyntaxException(lineNo, "unexpected text after a quoted value");
                }
                return out.toString();
            }
            if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                i = escape(text, i + 1, out);
                continue;
            }
            out.append(c);
            i++;
        }
        throw new SyntaxException(lineNo, "unterminated quoted value (multi-line quoted values are not supported)");
    }

    /** One double-quoted escape starting at {@code i} (after the backslash); returns the next index. */
    private int escape(String text, int i, StringBuilder out) throws SyntaxException {
        char e = text.charAt(i);
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '0' -> out.append('\0');
            case '"', '\\', '/', ' ' -> out.append(e);
            case 'u', 'x', 'U' -> {
                int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (i + digits >= text.length()) {
                    throw new SyntaxException(lineNo, "bad escape in a quoted value");
                }
                try {
                    out.appendCodePoint(Integer.parseInt(text.substring(i + 1, i + 1 + digits), 16));
                } catch (IllegalArgumentException bad) {
                    throw new SyntaxException(lineNo, "bad escape in a quoted value");
                }
                return i + 1 + digits;
            }
            default -> throw new SyntaxException(lineNo, "unknown escape \\" + e + " in a quoted value");
        }
        return i + 1;
    }

    private static String quoteForMessage(String content) {
        String shown = content.length() > 40 ? content.substring(0, 40) + "..." : content;
        return "\"" + shown + "\"";
    }
}
