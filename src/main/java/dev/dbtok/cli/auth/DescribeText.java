package dev.dbtok.cli.auth;

import dev.dbtok.config.Attribute;

/** The text form of {@code auth describe}, laid out as the official CLI's template lays it out. */
final class DescribeText {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String ITALIC = "\u001b[3m";
    private static final String RED = "\u001b[31m";

    private final boolean color;

    DescribeText(boolean color) {
        this.color = color;
    }

    String render(AuthStatus status) {
        StringBuilder out = new StringBuilder();
        AuthStatus.Details details = status.details();
        if (status.error() == null) {
            out.append(bold("Host:")).append(' ').append(nullToEmpty(details.host()));
            if (status.username() != null) {
                out.append('\n').append(bold("User:")).append(' ').append(status.username());
            }
            out.append('\n').append(bold("Authenticated with:")).append(' ').append(details.authType());
        } else {
            out.append("Unable to authenticate: ").append(status.error());
        }
        out.append("\n-----\nCurrent configuration:");
        for (Attribute attribute : Attribute.values()) {
            AuthStatus.Value value = details.configuration().get(attribute.key());
            if (value != null) {
                line(out, attribute.key(), value, details.authType());
            }
        }
        return out.append('\n').toString();
    }

    /** {@code ✓ key: value (from source)}; {@code ~} and a note for a credential the auth type does not use. */
    private void line(StringBuilder out, String key, AuthStatus.Value value, String authType) {
        out.append("\n  ").append(value.authTypeMismatch() ? "~" : "\u2713").append(' ')
                .append(bold(key)).append(": ").append(value.value());
        if (value.source().isDynamic()) {
            return;
        }
        out.append(italic(" (from")).append(' ').append(italic(value.source().toString()));
        if (value.authTypeMismatch()) {
            out.append(", ").append(italic(red("not used for auth type "))).append(italic(red(authType)));
        }
        out.append(')');
    }

    private String bold(String text) {
        return paint(BOLD, text);
    }

    private String italic(String text) {
        return paint(ITALIC, text);
    }

    private String red(String text) {
        return paint(RED, text);
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
